import { DocketError } from '../../common/docket-error';
import { parseBulkParams } from './bulk-params';

const issues = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof DocketError) return error.details.map((detail) => detail.path);
    throw error;
  }
  throw new Error('accepted');
};

describe('bulk parameters', () => {
  it('reads each action’s parameters', () => {
    expect(parseBulkParams('assign', { assigneeId: null })).toEqual({ action: 'assign', assigneeId: null });
    expect(parseBulkParams('assign', { assigneeId: 7 })).toEqual({ action: 'assign', assigneeId: 7 });
    expect(parseBulkParams('transition', { transitionId: 'solve', changes: { CITY: 'Pskov' } })).toMatchObject({ action: 'transition', transitionId: 'solve', changes: { CITY: 'Pskov' } });
    expect(parseBulkParams('setAttribute', { values: { CITY: 'Tver' } })).toEqual({ action: 'setAttribute', values: { CITY: 'Tver' } });
    expect(parseBulkParams('linkProblem', { problemId: 3 }, { '12': 4 })).toEqual({ action: 'linkProblem', problemId: 3 });
  });

  it('names every bad field with its path', () => {
    expect(issues(() => parseBulkParams('assign', {}))).toEqual(['params.assigneeId']);
    expect(issues(() => parseBulkParams('assign', { assigneeId: 1.5 }))).toEqual(['params.assigneeId']);
    expect(issues(() => parseBulkParams('transition', { transitionId: '', tokenId: 4, changes: [] }))).toEqual(['params.transitionId', 'params.tokenId', 'params.changes']);
    expect(issues(() => parseBulkParams('setAttribute', { values: {} }))).toEqual(['params.values']);
    expect(issues(() => parseBulkParams('linkProblem', { problemId: '3' }))).toEqual(['params.problemId']);
    expect(issues(() => parseBulkParams('assign', { assigneeId: null }, { x: 1, '5': 0 }))).toEqual(['expectedVersions.5', 'expectedVersions.x']);
  });
});
