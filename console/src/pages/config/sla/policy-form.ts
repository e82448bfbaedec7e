/** An SLA policy as the form edits it (lists instead of keyed objects) and back; pure. */
import type { Rule } from '../../../../../rules/index';
import type { ClockRule, PolicyRecord, PriorityTarget } from '../types';

export const PRIORITIES = ['1', '2', '3', '4', '5'] as const;

export interface PolicyForm {
  code: string;
  name: string;
  active: boolean;
  rank: number;
  calendarId: number;
  limited: boolean;
  condition: Rule;
  targets: Record<string, { reactionMinutes?: number | null; resolutionMinutes?: number | null }>;
  stepLimits: { step: string; minutes: number }[];
  clockRules: ClockRule[];
  warningPercent: number;
}

export function policyToForm(policy: PolicyRecord | undefined, calendarId: number | undefined): Partial<PolicyForm> {
  if (!policy) return { active: true, rank: 100, calendarId, limited: false, condition: true, targets: {}, stepLimits: [], clockRules: [], warningPercent: 80 };
  return {
    name: policy.name,
    active: policy.active,
    rank: policy.rank,
    calendarId: policy.calendarId,
    limited: policy.condition !== null,
    condition: policy.condition ?? true,
    targets: policy.targets,
    stepLimits: Object.entries(policy.stepLimits).map(([step, minutes]) => ({ step, minutes })),
    clockRules: policy.clockRules,
    warningPercent: policy.warningPercent,
  };
}

/** Blank target fields are left out rather than sent as nulls, which the server would refuse. */
export function formToPolicy(form: PolicyForm) {
  const targets: Record<string, PriorityTarget> = {};
  for (const priority of PRIORITIES) {
    const entry = form.targets?.[priority] ?? {};
    const target: PriorityTarget = {};
    if (typeof entry.reactionMinutes === 'number') target.reactionMinutes = entry.reactionMinutes;
    if (typeof entry.resolutionMinutes === 'number') target.resolutionMinutes = entry.resolutionMinutes;
    if (Object.keys(target).length) targets[priority] = target;
  }
  return {
    name: form.name,
    active: form.active,
    rank: form.rank,
    calendarId: form.calendarId,
    condition: form.limited ? form.condition : null,
    targets,
    stepLimits: Object.fromEntries((form.stepLimits ?? []).map(({ step, minutes }) => [step, minutes])),
    clockRules: (form.clockRules ?? []).map((rule) => ({ ...rule, when: rule.when ?? true })),
    warningPercent: form.warningPercent,
  };
}

/** Server paths as form fields: a step limit is keyed by step id on the server and by row here. */
export function policyFieldOf(form: Partial<PolicyForm>): (path: string) => string {
  return (path) => {
    const step = /^stepLimits\.(.+)$/.exec(path);
    if (!step) return path;
    const row = (form.stepLimits ?? []).findIndex((limit) => limit.step === step[1]);
    return row < 0 ? path : `stepLimits.${row}.minutes`;
  };
}
