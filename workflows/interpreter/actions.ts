import type { ActionKind, RouteAction } from '../model/route.types';
import type { AuditAction } from './interpreter.types';
import type { Run } from './run';

/** Where an action runs: the handler event and the step or transition it belongs to. */
export interface ActionSite {
  event: string;
  stepId?: string;
  transitionId?: string;
  /** Journal every action with why it ran or not (an escalation must show what it did and why): its audit action and what set it off. */
  traced?: { action: AuditAction; cause: string };
}

type ActionExecutor<K extends ActionKind> = (run: Run, action: Extract<RouteAction, { kind: K }>, site: ActionSite) => void;

/** One entry per action kind: what it does to the request, as effects (and to the working context). */
export const ACTION_EXECUTORS: { [K in ActionKind]: ActionExecutor<K> } = {
  setAttribute: (run, action) => run.setAttribute(action.attribute, run.rules.value(action.value, run.data()), 'action'),
  assignQueue: (run, action, site) => run.assignQueue(action.queue, site.stepId ?? ''),
  notify: (run, action, site) => run.emit({ type: 'notify', template: action.template, recipients: action.recipients, event: site.event, stepId: site.stepId, transitionId: site.transitionId }),
  webhook: (run, action, site) =>
    run.emit({ type: 'webhook', url: action.url, method: action.method, body: action.body === undefined ? run.data() : run.rules.value(action.body, run.data()), event: site.event }),
  createChild: (run, { topic, title, attributes }, site) =>
    run.emit({ type: 'spawnChildren', stepId: site.stepId ?? '', children: [run.childOf({ topic, title, ...(attributes ? { attributes } : {}) }, run.nextId('c'))] }),
  setPriority: (run, action) => run.setPriority(run.rules.value(action.priority, run.data())),
};

export function runActions(run: Run, actions: RouteAction[] | undefined, site: ActionSite): void {
  for (const action of actions ?? []) {
    // Explained before the action runs: the inputs are those it was decided on.
    const explanation = site.traced && action.when !== undefined ? run.rules.explain(action.when, run.data()) : undefined;
    if (action.when !== undefined && !run.rules.holds(action.when, run.data())) {
      run.audit({ action: 'actionSkipped', stepId: site.stepId, transitionId: site.transitionId, detail: `${site.event}: ${action.kind} skipped, its condition does not hold`, ...(explanation ? { explanation } : {}) });
      continue;
    }
    if (site.traced) run.audit({ action: site.traced.action, stepId: site.stepId, transitionId: site.transitionId, detail: `${site.event} (${site.traced.cause}): ${action.kind}`, ...(explanation ? { explanation } : {}) });
    (ACTION_EXECUTORS[action.kind] as ActionExecutor<ActionKind>)(run, action, site);
  }
}
