import type { RouteDefinition, StepKind } from '../../../../../workflows/index';
import type { MigrationReport } from '../../../../../server/src/routes/route-migration.service';

/** Where a request can wait, so where a migration can find one (as the route library's migration plan says). */
const WAITING_KINDS: readonly StepKind[] = ['userTask', 'timer', 'childRequests'];

export function waitingSteps(definition: RouteDefinition): Array<{ id: string; name: string }> {
  return definition.steps.filter((step) => WAITING_KINDS.includes(step.kind)).map((step) => ({ id: step.id, name: step.name }));
}

/** Each waiting step of the old version mapped to the step of the same id in the new one, where there is one. */
export function defaultStepMap(from: RouteDefinition, to: RouteDefinition): Record<string, string> {
  const kept = new Set(waitingSteps(to).map((step) => step.id));
  return Object.fromEntries(waitingSteps(from).filter((step) => kept.has(step.id)).map((step) => [step.id, step.id]));
}

export interface OutcomeRow {
  requestId: number;
  number: string;
  /** Where its branches go, when it can move. */
  targets?: string[];
  /** Why not, when it cannot. */
  reasons?: string[];
}

/** One row per request of a dry run or a migration, refused ones first. */
export function outcomeRows(report: MigrationReport): OutcomeRow[] {
  return [
    ...report.blocked.map((blocked) => ({ requestId: blocked.requestId, number: blocked.number, reasons: blocked.reasons })),
    ...report.movable.map((movable) => ({ requestId: movable.requestId, number: movable.number, targets: movable.moves.map((move) => `${move.from} → ${move.to}`) })),
  ];
}
