/** Working time of a BusinessCalendar: working days, working hours, holidays, in the calendar's zone. */
import { DAY, fromWallClock, isTimeZone, MINUTE, toWallClock, type Duration } from './dates';
import { RuleError } from './errors';
import { isPlainRecord } from './semantics';
import type { BusinessCalendar } from './types';

/** How far business arithmetic may scan, so a calendar without working days cannot loop forever. */
export const MAX_SCANNED_DAYS = 3_660;

interface Calendar {
  timeZone: string;
  workingDays: ReadonlySet<number>;
  /** Minutes after midnight. */
  opens: number;
  closes: number;
  holidays: ReadonlySet<string>;
  extraWorkingDays: ReadonlySet<string>;
}

const prepared = new WeakMap<object, Calendar>();
const HH_MM = /^([01]\d|2[0-4]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar given by name (from `options.calendars`) or as an object (read from the data). */
export function resolveCalendar(reference: unknown, calendars: Record<string, BusinessCalendar> | undefined, path: string): Calendar {
  let source: unknown = reference;
  if (typeof reference === 'string') {
    if (!calendars || !Object.hasOwn(calendars, reference)) throw new RuleError('rule_unknown_calendar', `No business calendar named '${reference}' was given`, path);
    source = calendars[reference];
  }
  if (!isPlainRecord(source)) throw new RuleError('rule_calendar_invalid', 'A business calendar is a calendar name or a calendar object', path);
  let calendar = prepared.get(source);
  if (!calendar) {
    calendar = prepareCalendar(source as BusinessCalendar, path);
    prepared.set(source, calendar);
  }
  return calendar;
}

function prepareCalendar(source: BusinessCalendar, path: string): Calendar {
  const invalid = (message: string) => new RuleError('rule_calendar_invalid', `Business calendar: ${message}`, path);
  const timeZone = source.timeZone ?? 'UTC';
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) throw invalid(`unknown time zone ${JSON.stringify(timeZone)}`);
  const workingDays = source.workingDays ?? [1, 2, 3, 4, 5];
  if (!Array.isArray(workingDays) || !workingDays.every((day) => Number.isInteger(day) && day >= 1 && day <= 7)) throw invalid('workingDays are ISO weekdays 1 (Monday) to 7 (Sunday)');
  const minutes = (text: unknown) => {
    const match = typeof text === 'string' ? HH_MM.exec(text) : null;
    if (!match) throw invalid(`${JSON.stringify(text)} is not a time 'HH:MM'`);
    return Number(match[1]) * 60 + Number(match[2]);
  };
  const opens = source.hours ? minutes(source.hours.start) : 0;
  const closes = source.hours ? minutes(source.hours.end) : 24 * 60;
  if (closes <= opens || closes > 24 * 60) throw invalid('working hours must end after they start, by 24:00');
  const dates = (list: unknown, field: string) => {
    if (list === undefined) return new Set<string>();
    if (!Array.isArray(list) || !list.every((date) => typeof date === 'string' && DATE.test(date))) throw invalid(`${field} are dates 'YYYY-MM-DD'`);
    return new Set<string>(list);
  };
  return { timeZone, workingDays: new Set(workingDays), opens, closes, holidays: dates(source.holidays, 'holidays'), extraWorkingDays: dates(source.extraWorkingDays, 'extraWorkingDays') };
}

/** `wallDay` is midnight of a day on the calendar's wall clock. */
function isWorkingDay(calendar: Calendar, wallDay: number): boolean {
  const date = new Date(wallDay).toISOString().slice(0, 10);
  if (calendar.extraWorkingDays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return calendar.workingDays.has(((new Date(wallDay).getUTCDay() + 6) % 7) + 1);
}

const startOfDay = (wall: number) => Math.floor(wall / DAY) * DAY;

export function isBusinessDay(calendar: Calendar, instant: number): boolean {
  return isWorkingDay(calendar, startOfDay(toWallClock(instant, calendar.timeZone)));
}

export function isBusinessTime(calendar: Calendar, instant: number): boolean {
  const wall = toWallClock(instant, calendar.timeZone);
  const day = startOfDay(wall);
  const minute = (wall - day) / MINUTE;
  return isWorkingDay(calendar, day) && minute >= calendar.opens && minute < calendar.closes;
}

/** Counts scanned days and stops business arithmetic that would scan more than MAX_SCANNED_DAYS. */
class DayBudget {
  scanned = 0;
  constructor(private readonly path: string) {}
  next(): void {
    if (++this.scanned > MAX_SCANNED_DAYS) throw new RuleError('rule_calendar_range', `Business time reaches more than ${MAX_SCANNED_DAYS} days away`, this.path);
  }
}

/**
 * Adds working time: whole days move to the n-th next working day at the same wall-clock time, then
 * hours, minutes and seconds are consumed inside working hours only. Returns the instant and the days scanned.
 */
export function addBusinessTime(calendar: Calendar, instant: number, duration: Duration, path: string): { instant: number; scanned: number } {
  if (duration.sign < 0 || duration.years || duration.months || duration.weeks) {
    throw new RuleError('rule_invalid_duration', 'Business durations are positive days, hours, minutes and seconds (e.g. "P2D", "PT4H")', path);
  }
  const budget = new DayBudget(path);
  let wall = toWallClock(instant, calendar.timeZone);
  for (let day = 0; day < duration.days; day++) {
    do {
      wall += DAY;
      budget.next();
    } while (!isWorkingDay(calendar, startOfDay(wall)));
  }
  let remaining = duration.milliseconds;
  while (remaining > 0) {
    const day = startOfDay(wall);
    const opens = day + calendar.opens * MINUTE;
    const closes = day + calendar.closes * MINUTE;
    if (isWorkingDay(calendar, day) && wall < closes) {
      wall = Math.max(wall, opens);
      const available = closes - wall;
      if (remaining <= available) {
        wall += remaining;
        break;
      }
      remaining -= available;
    }
    wall = day + DAY;
    budget.next();
  }
  return { instant: fromWallClock(wall, calendar.timeZone), scanned: budget.scanned };
}

/** Working milliseconds from `from` to `to` (negative when `to` is earlier). */
export function businessTimeBetween(calendar: Calendar, from: number, to: number, path: string): { milliseconds: number; scanned: number } {
  if (to < from) {
    const reverse = businessTimeBetween(calendar, to, from, path);
    return { milliseconds: -reverse.milliseconds, scanned: reverse.scanned };
  }
  const budget = new DayBudget(path);
  const end = toWallClock(to, calendar.timeZone);
  let wall = toWallClock(from, calendar.timeZone);
  let total = 0;
  while (wall < end) {
    const day = startOfDay(wall);
    if (isWorkingDay(calendar, day)) {
      const start = Math.max(wall, day + calendar.opens * MINUTE);
      const stop = Math.min(end, day + calendar.closes * MINUTE);
      if (stop > start) total += stop - start;
    }
    wall = day + DAY;
    budget.next();
  }
  return { milliseconds: total, scanned: budget.scanned };
}

export type { Calendar as PreparedCalendar };
