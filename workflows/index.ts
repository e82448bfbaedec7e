/**
 * Routes: the route model, BPMN ⇄ route conversion, validation before publishing, the interpreter
 * (pure: state + event → new state + effects), version migration and simulation. Nothing outside
 * `workflows/` imports its internals.
 */
export * from './model/route.types';
export { ROUTE_SCHEMA } from './model/route.schema';
export { parseRoute } from './model/parse-route';
export { RouteGraph } from './model/route-graph';
export { RouteError, type RouteIssue } from './route-error';

export { routeToBpmn } from './bpmn/route-to-bpmn';
export { bpmnToRoute, type BpmnImport } from './bpmn/bpmn-to-route';
export { MAX_BPMN_BYTES } from './bpmn/bpmn-guard';
export { autoLayout } from './bpmn/auto-layout';
export { DOCKET_NAMESPACE } from './bpmn/moddle';
export { default as DOCKET_MODDLE_DESCRIPTOR } from './docket.moddle.json';

export * from './interpreter/interpreter.types';
export { initialState, interpret, checkTransitions, offeredTransitions, effectiveFlags, escalates } from './interpreter/interpret';
export { reopen, reopenStepOf } from './interpreter/reopen';

export { validateRouteForPublishing } from './validation/validate-route';
export type { PublishReferences, RouteValidation } from './validation/validation.types';

export { contextAfter } from './interpreter/context-updates';
export { planMigration, type MigrationPlan, type MigrationCandidate, type MigrationDryRun, type MovableRequest, type BlockedRequest, type TokenMove } from './versions/migration';
export { simulate, type SimulationOptions, type SimulationChoice, type SimulationReport, type SimulatedStep } from './versions/simulation';
export { explainDecision } from './interpreter/rule-runner';
