/** What a change of a request means to its SLA clocks, from the request before and after it. Pure. */
import type { SlaEvent } from './sla-clocks';

export interface RequestFacts {
  status: string;
  priority: number;
  currentSteps: string | null;
  isOpen: boolean;
}

const stepsOf = (facts: RequestFacts) => (facts.currentSteps ?? '').split(',').map((step) => step.trim()).filter(Boolean);

/**
 * Steps left go first (their clocks stop before anything else moves), then the priority (so clock rules
 * that read it see the new one), the status, the steps entered; a request that closes stops every clock
 * whatever the policy's rules say, so a closed request never breaches.
 */
export function requestChangeEvents(before: RequestFacts, after: RequestFacts): SlaEvent[] {
  const beforeSteps = stepsOf(before);
  const afterSteps = stepsOf(after);
  const events: SlaEvent[] = beforeSteps.filter((step) => !afterSteps.includes(step)).map((stepId) => ({ type: 'step_leave', stepId }));
  if (after.priority !== before.priority) events.push({ type: 'priority', priority: after.priority });
  if (after.status !== before.status) events.push({ type: 'status', status: after.status, previousStatus: before.status });
  events.push(...afterSteps.filter((step) => !beforeSteps.includes(step)).map((stepId): SlaEvent => ({ type: 'step_enter', stepId })));
  if (before.isOpen && !after.isOpen) events.push({ type: 'stop', reason: 'request closed' });
  return events;
}

/** The steps a new request waits at: each starts its own clock where the policy limits it. */
export function enteredSteps(facts: Pick<RequestFacts, 'currentSteps'>): SlaEvent[] {
  return stepsOf({ ...facts, status: '', priority: 0, isOpen: true }).map((stepId) => ({ type: 'step_enter', stepId }));
}
