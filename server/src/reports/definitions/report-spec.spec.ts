import { DocketError } from '../../common/docket-error';
import { checkReportSpec } from './report-spec';

function refusal(value: unknown): DocketError {
  try {
    checkReportSpec(value);
  } catch (error) {
    return error as DocketError;
  }
  throw new Error('accepted');
}

describe('report definitions', () => {
  it('accepts a definition of the requests dataset and gives it back', () => {
    const spec = { dataset: 'requests', period: { field: 'closedAt', lastDays: 7 }, where: [{ field: 'attr.REGION', op: 'eq', value: 'north' }], groupBy: ['queue', 'month'], measures: ['count', 'avgResolutionHours'] };
    expect(checkReportSpec(spec)).toBe(spec);
  });

  it('refuses a bad shape with 400 invalid_report and the path of every problem', () => {
    const error = refusal({ dataset: 'tickets', groupBy: ['colour'], measures: [], extra: 1 });
    expect({ status: error.status, code: error.code }).toEqual({ status: 400, code: 'invalid_report' });
    expect(error.details.map((detail) => detail.path).sort()).toEqual(['definition.dataset', 'definition.extra', 'definition.groupBy.0', 'definition.measures']);
  });

  it('refuses what the dataset does not offer, and inconsistent settings', () => {
    const error = refusal({ dataset: 'breaches', period: { field: 'createdAt', lastDays: 3, from: '2026-01-01T00:00:00Z' }, groupBy: ['age'], measures: ['avgRating', 'repeats'] });
    expect(error.details).toEqual([
      { path: 'definition.groupBy.0', message: 'the breaches dataset has no dimension "age"' },
      { path: 'definition.measures.0', message: 'the breaches dataset has no measure "avgRating"' },
      { path: 'definition.measures.1', message: 'the breaches dataset has no measure "repeats"' },
      { path: 'definition.period.field', message: 'the breaches dataset has periods on occurredAt' },
      { path: 'definition.period.lastDays', message: 'give lastDays or from/to, not both' },
      { path: 'definition.repeatDays', message: 'the repeats measure needs repeatDays' },
      { path: 'definition.open', message: 'ageing groups open requests: set open to true' },
    ]);
  });

  it('refuses a date that is not an ISO instant', () => {
    expect(refusal({ dataset: 'requests', period: { field: 'createdAt', from: 'yesterday' }, groupBy: [], measures: ['count'] }).details[0].path).toBe('definition.period.from');
  });
});
