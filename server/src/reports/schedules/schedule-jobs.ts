import { CronExpressionParser } from 'cron-parser';
import type { EntityManager } from 'typeorm';
import { badRequest } from '../../common/docket-error';
import { cancelJobs, scheduleJob } from '../../scheduler/job-runner';

export const REPORT_JOB = 'report.schedule';
const SUBJECT = 'report_schedule';

/**
 * The first occurrence of a five-field cron expression (minute hour day month weekday) after `after`, read in
 * the IANA time zone. Refuses with 400 an expression cron-parser cannot read, one with a seconds field (a report
 * a second is a flood) and an unknown zone.
 */
export function nextOccurrence(cron: string, timeZone: string, after: Date): Date {
  if (cron.trim().split(/\s+/).length !== 5) throw badRequest('invalid_schedule', 'The recurrence is not valid', [{ path: 'cron', message: 'give five fields: minute hour day-of-month month day-of-week' }]);
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw badRequest('invalid_schedule', 'The time zone is not valid', [{ path: 'timeZone', message: `unknown time zone "${timeZone}"` }]);
  }
  try {
    return CronExpressionParser.parse(cron, { currentDate: after, tz: timeZone }).next().toDate();
  } catch (error) {
    throw badRequest('invalid_schedule', 'The recurrence is not valid', [{ path: 'cron', message: (error as Error).message }]);
  }
}

/** The timer of one occurrence; its key holds the instant, so scheduling it twice (or replaying it) changes nothing. */
export async function scheduleOccurrence(manager: EntityManager, scheduleId: number, occurrence: Date, now: Date): Promise<void> {
  const instant = occurrence.toISOString();
  await scheduleJob(manager, { kind: REPORT_JOB, dueAt: occurrence, dedupeKey: `${REPORT_JOB}:${scheduleId}:${instant}`, subjectType: SUBJECT, subjectId: scheduleId, payload: { occurrence: instant } }, now);
}

export function cancelScheduleJobs(manager: EntityManager, scheduleId: number, now: Date): Promise<void> {
  return cancelJobs(manager, REPORT_JOB, SUBJECT, scheduleId, now);
}
