import type { RouteGraph } from '../model/route-graph';
import { CHILD_REJECTION_OUTCOMES, SLA_HANDLER_EVENTS, type EventHandlers, type RouteAction, type RouteDefinition } from '../model/route.types';
import { ruleVars, validateRule, type ContextSchema } from '../rules-port';
import type { IssueList, PublishReferences } from './validation.types';

type Element = { id: string; name: string };
interface RuleSite {
  element: Element;
  where: string;
  rule: unknown;
  schema?: ContextSchema;
}
interface ActionSite {
  element: Element;
  where: string;
  action: RouteAction;
  /** Fields the event adds to what the action's rules read. */
  schema?: ContextSchema;
}

const CHILD_FIELDS: ContextSchema = {
  child: { type: 'object' },
  'child.key': { type: 'string' },
  'child.topic': { type: 'string' },
  'child.title': { type: 'string' },
  'child.resolution': { type: 'string' },
};
/** What an escalation's rules read about the warning or breach that set it off. */
const SLA_FIELDS: ContextSchema = { sla: { type: 'object' }, 'sla.kind': { type: 'string' }, 'sla.clock': { type: 'string' } };
const eventSchema = (event: string) => ((SLA_HANDLER_EVENTS as readonly string[]).includes(event) ? { schema: SLA_FIELDS } : {});

function actionSites(route: RouteDefinition): ActionSite[] {
  const fromHandlers = (element: Element, handlers: EventHandlers | undefined) =>
    Object.entries(handlers ?? {}).flatMap(([event, actions]) => (actions ?? []).map((action, index) => ({ element, where: `${event} action ${index + 1} (${action.kind})`, action, ...eventSchema(event) })));
  return [
    ...fromHandlers({ id: route.code, name: route.name }, route.handlers),
    ...route.steps.flatMap((step) => [
      ...fromHandlers(step, step.handlers),
      ...(step.kind === 'automatic' ? step.actions.map((action, index) => ({ element: step, where: `action ${index + 1} (${action.kind})`, action })) : []),
    ]),
    ...route.transitions.flatMap((transition) => fromHandlers(transition, transition.handlers)),
  ];
}

function ruleSites(route: RouteDefinition, actions: ActionSite[]): RuleSite[] {
  const sites: RuleSite[] = [];
  for (const transition of route.transitions) if (transition.condition !== undefined) sites.push({ element: transition, where: 'condition', rule: transition.condition });
  for (const step of route.steps) {
    if (step.kind === 'userTask') {
      for (const [index, rule] of (step.queues?.rules ?? []).entries()) sites.push({ element: step, where: `queue rule ${index + 1} (${rule.queue})`, rule: rule.when });
      for (const [code, flags] of Object.entries(step.attributeFlags ?? {})) {
        for (const [flag, value] of Object.entries(flags)) if (typeof value !== 'boolean') sites.push({ element: step, where: `flag ${flag} of ${code}`, rule: value });
      }
    }
    if (step.kind === 'childRequests') {
      for (const child of step.children) for (const [code, rule] of Object.entries(child.attributes ?? {})) sites.push({ element: step, where: `child '${child.title}' attribute ${code}`, rule });
      if (step.onChildRejection !== undefined) sites.push({ element: step, where: 'child rejection rule', rule: step.onChildRejection, schema: CHILD_FIELDS });
    }
  }
  for (const { element, where, action, schema } of actions) {
    if (action.when !== undefined) sites.push({ element, where: `${where} condition`, rule: action.when, schema });
    const value = action.kind === 'setAttribute' ? action.value : action.kind === 'setPriority' ? action.priority : action.kind === 'webhook' ? action.body : undefined;
    if (value !== undefined) sites.push({ element, where, rule: value, schema });
    if (action.kind === 'createChild') for (const [code, rule] of Object.entries(action.attributes ?? {})) sites.push({ element, where: `${where} attribute ${code}`, rule, schema });
  }
  return sites;
}

/** The fields a route adds to the context its rules read. */
function routeSchema(graph: RouteGraph, schema: ContextSchema): ContextSchema {
  const outcomes = graph.route.steps.filter((step) => step.kind === 'childRequests').map((step) => [`route.outcomes.${step.id}`, { type: 'string' as const }]);
  return { ...schema, step: { type: 'object' }, 'step.id': { type: 'string' }, 'step.name': { type: 'string' }, route: { type: 'object' }, 'route.outcomes': { type: 'object' }, ...Object.fromEntries(outcomes), now: { type: 'datetime' } };
}

function checkRules(graph: RouteGraph, references: PublishReferences, sites: RuleSite[], issues: IssueList): void {
  const schema = routeSchema(graph, references.schema);
  for (const site of sites) {
    const fullSchema = site.schema ? { ...schema, ...site.schema } : schema;
    const { errors, warnings } = validateRule(site.rule, fullSchema);
    for (const error of errors) issues.error(site.element, `${site.where}: ${error.message}${error.path ? ` at ${error.path}` : ''}${error.hint ? ` (${error.hint})` : ''}`);
    for (const warning of warnings) issues.warning(site.element, `${site.where}: ${warning.message}${warning.path ? ` at ${warning.path}` : ''}`);
    if (errors.length > 0 || !references.dictionaries) continue;
    for (const path of ruleVars(site.rule)) {
      const dictionary = fullSchema[path]?.dictionary;
      if (dictionary && !references.dictionaries.has(dictionary)) issues.error(site.element, `${site.where} reads ${path}, whose dictionary '${dictionary}' does not exist`);
    }
  }
  for (const step of graph.route.steps) {
    if (step.kind === 'childRequests' && typeof step.onChildRejection === 'string' && !(CHILD_REJECTION_OUTCOMES as readonly string[]).includes(step.onChildRejection)) {
      issues.error(step, `child rejection rule gives '${step.onChildRejection}'; expected one of ${CHILD_REJECTION_OUTCOMES.join(', ')}`);
    }
  }
}

function checkNames(graph: RouteGraph, references: PublishReferences, actions: ActionSite[], issues: IssueList): void {
  const route = graph.route;
  const need = (element: Element, kind: string, code: string, known: ReadonlySet<string> | undefined) => {
    if (known && !known.has(code)) issues.error(element, `${kind} '${code}' does not exist`);
  };
  const routeElement = { id: route.code, name: route.name };
  for (const topic of route.topics ?? []) need(routeElement, 'topic', topic, references.topics);
  if (route.regulation) need(routeElement, 'regulation', route.regulation, references.regulations);
  for (const step of route.steps) {
    if (step.regulation) need(step, 'regulation', step.regulation, references.regulations);
    if (step.kind === 'userTask' && step.queues) {
      for (const rule of step.queues.rules) need(step, 'queue', rule.queue, references.queues);
      need(step, 'queue', step.queues.default, references.queues);
      for (const code of Object.keys(step.attributeFlags ?? {})) need(step, 'attribute', code, references.attributes);
    }
    if (step.kind === 'childRequests') for (const child of step.children) need(step, 'topic', child.topic, references.topics);
  }
  for (const transition of route.transitions) for (const code of [...(transition.mustPrompt ?? []), ...(transition.mustChange ?? [])]) need(transition, 'attribute', code, references.attributes);
  for (const { element, action } of actions) {
    if (action.kind === 'assignQueue') need(element, 'queue', action.queue, references.queues);
    if (action.kind === 'notify') need(element, 'template', action.template, references.templates);
    if (action.kind === 'setAttribute') need(element, 'attribute', action.attribute, references.attributes);
    if (action.kind === 'createChild') need(element, 'topic', action.topic, references.topics);
  }
}

/** Rules pass the rule engine's static validation; queues, attributes, templates and the rest exist. */
export function checkReferences(graph: RouteGraph, references: PublishReferences, issues: IssueList): void {
  const actions = actionSites(graph.route);
  checkRules(graph, references, ruleSites(graph.route, actions), issues);
  checkNames(graph, references, actions, issues);
}
