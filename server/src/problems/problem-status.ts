/** How a problem ends: closed once its fix has held; unresolvable when its cause cannot be removed; erroneous when it was recorded by mistake. */
export const PROBLEM_ENDINGS = ['closed', 'unresolvable', 'erroneous'] as const;
export type ProblemEnding = (typeof PROBLEM_ENDINGS)[number];
export const PROBLEM_STATUSES = ['open', 'known_error', 'resolved', ...PROBLEM_ENDINGS] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/** Being worked on: a fix or a workaround may still come, and `resolve` applies. */
export const isProblemActive = (status: ProblemStatus) => status === 'open' || status === 'known_error';
