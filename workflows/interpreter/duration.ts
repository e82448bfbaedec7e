const ISO_DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** `start` plus an ISO 8601 duration, in UTC: years and months move the calendar date, the rest is exact time. */
export function addDuration(start: Date, duration: string): Date {
  const match = ISO_DURATION.exec(duration);
  if (!match) throw new Error(`'${duration}' is not an ISO 8601 duration`);
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  const result = new Date(start.getTime());
  if (years || months) {
    // Calendar months: 31 January plus a month is the last day of February, not 3 March.
    const day = result.getUTCDate();
    result.setUTCDate(1);
    result.setUTCMonth(result.getUTCMonth() + years * 12 + months);
    const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
    result.setUTCDate(Math.min(day, lastDay));
  }
  return new Date(result.getTime() + (((weeks * 7 + days) * 24 + hours) * 60 * 60 + minutes * 60 + seconds) * 1000);
}
