/** How old the open requests are, in the buckets the dashboard shows (upper bounds in hours; the last is open-ended). */
export const AGE_BUCKETS = [
  { code: 'day', hours: 24 },
  { code: 'threeDays', hours: 72 },
  { code: 'week', hours: 168 },
  { code: 'month', hours: 720 },
  { code: 'older', hours: null },
] as const;

export type AgeBucketCode = (typeof AGE_BUCKETS)[number]['code'];

/**
 * The creation instants that separate the buckets, newest first: a request created after `cutoffs[0]` is
 * younger than a day, one created before the last cutoff is older than a month.
 */
export function ageCutoffs(now: Date): Date[] {
  return AGE_BUCKETS.flatMap((bucket) => (bucket.hours === null ? [] : [new Date(now.getTime() - bucket.hours * 3_600_000)]));
}

/** The bucket of a request created at `createdAt`, for checking the SQL's CASE against one definition. */
export function ageBucketOf(createdAt: Date, now: Date): AgeBucketCode {
  const index = ageCutoffs(now).findIndex((cutoff) => createdAt > cutoff);
  return AGE_BUCKETS[index === -1 ? AGE_BUCKETS.length - 1 : index].code;
}

/** Every bucket with its count, zeros included, in the buckets' order. */
export function fillBuckets(counts: ReadonlyMap<string, number>): { bucket: AgeBucketCode; open: number }[] {
  return AGE_BUCKETS.map((bucket) => ({ bucket: bucket.code, open: counts.get(bucket.code) ?? 0 }));
}

/** The SQL CASE naming the bucket of the instant in `column`, with its parameters: the same cutoffs as ageBucketOf. */
export function ageBucketCase(column: string, now: Date): { sql: string; parameters: Record<string, Date> } {
  const cutoffs = ageCutoffs(now);
  // The newest bucket whose cutoff the request is after.
  const branches = cutoffs.map((_, index) => `WHEN ${column} > :ageCutoff${index} THEN '${AGE_BUCKETS[index].code}'`).join(' ');
  const parameters = Object.fromEntries(cutoffs.map((cutoff, index) => [`ageCutoff${index}`, cutoff]));
  return { sql: `CASE ${branches} ELSE '${AGE_BUCKETS[AGE_BUCKETS.length - 1].code}' END`, parameters };
}
