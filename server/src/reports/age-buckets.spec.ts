import { AGE_BUCKETS, ageBucketOf, ageCutoffs, fillBuckets } from './age-buckets';

const NOW = new Date('2026-03-10T12:00:00Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

describe('age buckets of open requests', () => {
  it('cuts at a day, three days, a week and a month, newest first', () => {
    expect(ageCutoffs(NOW).map((cutoff) => cutoff.toISOString())).toEqual(['2026-03-09T12:00:00.000Z', '2026-03-07T12:00:00.000Z', '2026-03-03T12:00:00.000Z', '2026-02-08T12:00:00.000Z']);
  });

  it('puts a request exactly on a cutoff into the older bucket', () => {
    expect(ageBucketOf(hoursAgo(1), NOW)).toBe('day');
    expect(ageBucketOf(hoursAgo(24), NOW)).toBe('threeDays');
    expect(ageBucketOf(hoursAgo(71), NOW)).toBe('threeDays');
    expect(ageBucketOf(hoursAgo(100), NOW)).toBe('week');
    expect(ageBucketOf(hoursAgo(700), NOW)).toBe('month');
    expect(ageBucketOf(hoursAgo(720), NOW)).toBe('older');
  });

  it('lists every bucket with zeros for the empty ones', () => {
    expect(fillBuckets(new Map([['week', 3]]))).toEqual(AGE_BUCKETS.map((bucket) => ({ bucket: bucket.code, open: bucket.code === 'week' ? 3 : 0 })));
  });
});
