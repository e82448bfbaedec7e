/**
 * The `business_*` operators' view of a calendar. Working time itself is counted by calendar/work-calendar.ts,
 * the same code SLA deadlines use, so a rule and a deadline never disagree about when the desk works.
 */
import { addWorkingTime, CalendarError, checkCalendar, isWorkingDayAt, MAX_CALENDAR_DAYS, workingSegments, workingTimeBetween, type WorkCalendar } from './calendar/work-calendar';
import { DAY, fromWallClock, toWallClock, type Duration } from './dates';
import { RuleError } from './errors';
import { isPlainRecord } from './semantics';
import type { BusinessCalendar } from './types';

/** A calendar given by name (from `options.calendars`) or as an object (read from the data). */
export function resolveCalendar(reference: unknown, calendars: Record<string, BusinessCalendar> | undefined, path: string): WorkCalendar {
  let source: unknown = reference;
  if (typeof reference === 'string') {
    if (!calendars || !Object.hasOwn(calendars, reference)) throw new RuleError('rule_unknown_calendar', `No business calendar named '${reference}' was given`, path);
    source = calendars[reference];
  }
  if (!isPlainRecord(source)) throw new RuleError('rule_calendar_invalid', 'A business calendar is a calendar name or a calendar object', path);
  try {
    checkCalendar(source);
  } catch (error) {
    if (error instanceof CalendarError) throw new RuleError('rule_calendar_invalid', `Business calendar: ${error.issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ')}`, path);
    throw error;
  }
  return source;
}

const outOfRange = (path: string) => new RuleError('rule_calendar_range', `Business time reaches more than ${MAX_CALENDAR_DAYS} days away`, path);

/** Runs calendar arithmetic, reporting a calendar that runs out of working time as a rule error. */
function withinRange<T>(path: string, count: () => T): T {
  try {
    return count();
  } catch (error) {
    if (error instanceof CalendarError) throw outOfRange(path);
    throw error;
  }
}

/** Days spanned from one instant to another, charged to the rule's step budget. */
const daysSpanned = (from: number, to: number) => Math.ceil(Math.abs(to - from) / DAY) + 1;

export function isBusinessDay(calendar: WorkCalendar, instant: number): boolean {
  return isWorkingDayAt(calendar, instant);
}

export function isBusinessTime(calendar: WorkCalendar, instant: number): boolean {
  return !workingSegments(calendar, instant, instant + 1).next().done;
}

/**
 * Adds working time: whole days move to the n-th next working day at the same wall-clock time, then
 * hours, minutes and seconds are consumed inside working hours only. Returns the instant and the days scanned.
 */
export function addBusinessTime(calendar: WorkCalendar, instant: number, duration: Duration, path: string): { instant: number; scanned: number } {
  if (duration.sign < 0 || duration.years || duration.months || duration.weeks) {
    throw new RuleError('rule_invalid_duration', 'Business durations are positive days, hours, minutes and seconds (e.g. "P2D", "PT4H")', path);
  }
  const timeZone = calendar.timeZone ?? 'UTC';
  let wall = toWallClock(instant, timeZone);
  let scanned = 0;
  for (let day = 0; day < duration.days; day++) {
    do {
      wall += DAY;
      if (++scanned > MAX_CALENDAR_DAYS) throw outOfRange(path);
    } while (!isWorkingDayAt(calendar, fromWallClock(wall, timeZone)));
  }
  const start = fromWallClock(wall, timeZone);
  const end = withinRange(path, () => addWorkingTime(calendar, start, duration.milliseconds).instant);
  return { instant: end, scanned: scanned + daysSpanned(start, end) };
}

/** Working milliseconds from `from` to `to` (negative when `to` is earlier). */
export function businessTimeBetween(calendar: WorkCalendar, from: number, to: number, path: string): { milliseconds: number; scanned: number } {
  const scanned = daysSpanned(from, to);
  if (scanned > MAX_CALENDAR_DAYS) throw outOfRange(path);
  const milliseconds = withinRange(path, () => (to < from ? -workingTimeBetween(calendar, to, from) : workingTimeBetween(calendar, from, to)));
  return { milliseconds, scanned };
}
