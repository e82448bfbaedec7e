import type { Problem as ProblemEntity } from '../../../../server/src/problems/entities/problem.entity';
import type { ProblemStatus } from '../../../../server/src/problems/problem-status';
import type { ProblemRow, ProblemView } from '../../../../server/src/problems/problems.service';
import type { Wire } from '../../api/types';

export type { ProblemStatus };
export type Problem = Wire<ProblemEntity>;
export type ProblemListRow = Wire<ProblemRow>;
export type ProblemDetails = Wire<ProblemView>;
export type LinkedRequest = ProblemDetails['requests'][number];

/** Every status with its tag colour; a new status on the server fails the type check here. */
export const STATUS_COLOURS: Record<ProblemStatus, string> = { open: 'red', known_error: 'orange', resolved: 'green', closed: 'default', unresolvable: 'volcano', erroneous: 'default' };
export const PROBLEM_STATUSES = Object.keys(STATUS_COLOURS) as ProblemStatus[];
