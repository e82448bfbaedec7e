import { badRequest, type ErrorDetail } from '../../common/docket-error';
import type { BulkAction } from './bulk.dto';

export type BulkParams =
  | { action: 'assign'; assigneeId: number | null }
  | { action: 'transition'; transitionId: string; tokenId?: string; changes?: Record<string, unknown> }
  | { action: 'setAttribute'; values: Record<string, unknown> }
  | { action: 'linkProblem'; problemId: number };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;
const isCode = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= 128;

/** One entry per action: the shape of its params, checked once for the whole call (a bad shape fails every request alike). */
const PARSERS: { [A in BulkAction]: (params: Record<string, unknown>, issues: ErrorDetail[]) => Extract<BulkParams, { action: A }> } = {
  assign: (params, issues) => {
    if (params.assigneeId !== null && !isId(params.assigneeId)) issues.push({ path: 'params.assigneeId', message: 'a user id, or null to unassign' });
    return { action: 'assign', assigneeId: (params.assigneeId as number | null) ?? null };
  },
  transition: (params, issues) => {
    if (!isCode(params.transitionId)) issues.push({ path: 'params.transitionId', message: 'the transition id' });
    if (params.tokenId !== undefined && !isCode(params.tokenId)) issues.push({ path: 'params.tokenId', message: 'a branch id' });
    if (params.changes !== undefined && !isObject(params.changes)) issues.push({ path: 'params.changes', message: 'attribute code → value' });
    return { action: 'transition', transitionId: params.transitionId as string, tokenId: params.tokenId as string | undefined, changes: params.changes as Record<string, unknown> | undefined };
  },
  setAttribute: (params, issues) => {
    if (!isObject(params.values) || Object.keys(params.values).length === 0) issues.push({ path: 'params.values', message: 'attribute code → value, at least one' });
    return { action: 'setAttribute', values: params.values as Record<string, unknown> };
  },
  linkProblem: (params, issues) => {
    if (!isId(params.problemId)) issues.push({ path: 'params.problemId', message: 'a problem id' });
    return { action: 'linkProblem', problemId: params.problemId as number };
  },
};

export function parseBulkParams(action: BulkAction, params: Record<string, unknown>, expectedVersions: Record<string, unknown> = {}): BulkParams {
  const issues: ErrorDetail[] = [];
  const parsed = PARSERS[action](params, issues);
  for (const [id, version] of Object.entries(expectedVersions)) if (!isId(Number(id)) || !isId(version)) issues.push({ path: `expectedVersions.${id}`, message: 'request id → a version from 1' });
  if (issues.length) throw badRequest('invalid_bulk', `The ${action} parameters are not valid`, issues);
  return parsed;
}
