/**
 * Working time as UTC intervals. A WorkCalendar extends the rule engine's BusinessCalendar with hours
 * per weekday and per date, so one calendar description serves both the `business_*` operators and
 * SLA deadlines. Every working day is cut in the calendar's zone and turned into UTC intervals, so
 * time is counted in real elapsed milliseconds: across a DST change a 24x7 day lasts 23 or 25 hours.
 */
import { DAY, fromWallClock, isTimeZone, MINUTE, toWallClock } from '../dates';
import type { BusinessCalendar } from '../types';

export interface WorkingHours {
  /** 'HH:MM' on the calendar's wall clock. */
  start: string;
  /** 'HH:MM', after `start`, at most '24:00'. */
  end: string;
}

export type IsoWeekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';

export interface WorkCalendar extends BusinessCalendar {
  /** Hours of one weekday (ISO, '1' = Monday) instead of `hours`; an empty list makes it a day off. */
  weekHours?: Partial<Record<IsoWeekday, WorkingHours[]>>;
  /** Dates with hours of their own (a shortened day before a holiday); an empty list is a day off. Wins over everything else. */
  exceptions?: { date: string; hours: WorkingHours[] }[];
}

export interface CalendarIssue {
  path: string;
  message: string;
}

/** A working interval [from, to) in epoch milliseconds. */
export interface WorkingSegment {
  from: number;
  to: number;
}

/** How far the scan may go, so a calendar with no working time at all cannot loop forever. */
export const MAX_CALENDAR_DAYS = 3_660;

const HH_MM = /^([01]\d|2[0-4]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WHOLE_DAY: readonly Interval[] = [{ opens: 0, closes: 24 * 60 }];

interface Interval {
  /** Minutes after the wall-clock midnight. */
  opens: number;
  closes: number;
}

interface PreparedCalendar {
  timeZone: string;
  /** Index 1..7 (ISO weekday); index 0 unused. */
  week: readonly (readonly Interval[])[];
  holidays: ReadonlySet<string>;
  extraWorkingDays: ReadonlySet<string>;
  defaultHours: readonly Interval[];
  exceptions: ReadonlyMap<string, readonly Interval[]>;
}

export class CalendarError extends Error {
  constructor(readonly issues: CalendarIssue[]) {
    super(`The calendar is not valid: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
    this.name = 'CalendarError';
  }
}

function minutesOf(text: unknown): number | null {
  const match = typeof text === 'string' ? HH_MM.exec(text) : null;
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

function isDate(text: unknown): text is string {
  const match = typeof text === 'string' ? DATE.exec(text) : null;
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

function intervalsOf(list: unknown, path: string, issues: CalendarIssue[]): Interval[] {
  if (!Array.isArray(list)) {
    issues.push({ path, message: 'must be a list of {start, end} working hours' });
    return [];
  }
  const intervals: Interval[] = [];
  list.forEach((hours: unknown, index) => {
    const record = (hours ?? {}) as Record<string, unknown>;
    const opens = minutesOf(record.start);
    const closes = minutesOf(record.end);
    if (opens === null || closes === null) issues.push({ path: `${path}.${index}`, message: "start and end are times 'HH:MM' up to '24:00'" });
    else if (closes <= opens) issues.push({ path: `${path}.${index}`, message: 'working hours must end after they start' });
    else intervals.push({ opens, closes });
  });
  intervals.sort((a, b) => a.opens - b.opens);
  for (let index = 1; index < intervals.length; index++) {
    if (intervals[index].opens < intervals[index - 1].closes) issues.push({ path, message: 'working hours must not overlap' });
  }
  return intervals;
}

function datesOf(list: unknown, path: string, issues: CalendarIssue[]): Set<string> {
  if (list === undefined) return new Set();
  if (!Array.isArray(list)) {
    issues.push({ path, message: "must be a list of dates 'YYYY-MM-DD'" });
    return new Set();
  }
  list.forEach((date, index) => isDate(date) || issues.push({ path: `${path}.${index}`, message: "must be a date 'YYYY-MM-DD'" }));
  return new Set(list.filter(isDate));
}

function prepare(calendar: WorkCalendar): { prepared: PreparedCalendar; issues: CalendarIssue[] } {
  const issues: CalendarIssue[] = [];
  const timeZone = calendar.timeZone ?? 'UTC';
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) issues.push({ path: 'timeZone', message: `unknown time zone ${JSON.stringify(timeZone)}` });
  const workingDays = calendar.workingDays ?? [1, 2, 3, 4, 5];
  if (!Array.isArray(workingDays) || !workingDays.every((day) => Number.isInteger(day) && day >= 1 && day <= 7)) issues.push({ path: 'workingDays', message: 'ISO weekdays 1 (Monday) to 7 (Sunday)' });
  const defaultHours = calendar.hours === undefined ? [...WHOLE_DAY] : intervalsOf([calendar.hours], 'hours', issues);
  const weekHours = calendar.weekHours ?? {};
  if (typeof weekHours !== 'object' || weekHours === null || Array.isArray(weekHours)) issues.push({ path: 'weekHours', message: "an object keyed by ISO weekday '1' to '7'" });
  const week: Interval[][] = [[]];
  for (let day = 1; day <= 7; day++) {
    const own = (weekHours as Record<string, unknown>)[String(day)];
    if (own !== undefined) week.push(intervalsOf(own, `weekHours.${day}`, issues));
    else week.push(Array.isArray(workingDays) && workingDays.includes(day) ? [...defaultHours] : []);
  }
  for (const key of Object.keys(weekHours ?? {})) if (!/^[1-7]$/.test(key)) issues.push({ path: `weekHours.${key}`, message: "weekdays are '1' (Monday) to '7' (Sunday)" });
  const exceptions = new Map<string, Interval[]>();
  if (calendar.exceptions !== undefined && !Array.isArray(calendar.exceptions)) issues.push({ path: 'exceptions', message: 'must be a list of {date, hours}' });
  (Array.isArray(calendar.exceptions) ? calendar.exceptions : []).forEach((exception, index) => {
    const date = (exception as { date?: unknown } | null)?.date;
    if (!isDate(date)) issues.push({ path: `exceptions.${index}.date`, message: "must be a date 'YYYY-MM-DD'" });
    else if (exceptions.has(date)) issues.push({ path: `exceptions.${index}.date`, message: `${date} is listed twice` });
    else exceptions.set(date, intervalsOf((exception as { hours?: unknown }).hours, `exceptions.${index}.hours`, issues));
  });
  const prepared = { timeZone, week, holidays: datesOf(calendar.holidays, 'holidays', issues), extraWorkingDays: datesOf(calendar.extraWorkingDays, 'extraWorkingDays', issues), defaultHours, exceptions };
  return { prepared, issues };
}

/** Everything wrong with a calendar description, each with the path of the field; empty when it is usable. */
export function calendarIssues(calendar: unknown): CalendarIssue[] {
  if (typeof calendar !== 'object' || calendar === null || Array.isArray(calendar)) return [{ path: '', message: 'a calendar is an object' }];
  return prepare(calendar as WorkCalendar).issues;
}

const cache = new WeakMap<object, PreparedCalendar>();

/** The calendar prepared for use, or CalendarError with everything wrong with it. */
function prepared(calendar: WorkCalendar): PreparedCalendar {
  let result = cache.get(calendar);
  if (!result) {
    const { prepared: ready, issues } = prepare(calendar);
    if (issues.length) throw new CalendarError(issues);
    result = ready;
    cache.set(calendar, result);
  }
  return result;
}

/** Working hours of one wall-clock day (its midnight written as UTC): exception, holiday, moved working day, weekday. */
function hoursOfDay(calendar: PreparedCalendar, wallMidnight: number): readonly Interval[] {
  const date = new Date(wallMidnight).toISOString().slice(0, 10);
  const exception = calendar.exceptions.get(date);
  if (exception) return exception;
  if (calendar.holidays.has(date)) return [];
  if (calendar.extraWorkingDays.has(date)) return calendar.defaultHours;
  return calendar.week[((new Date(wallMidnight).getUTCDay() + 6) % 7) + 1];
}

/** Throws CalendarError unless the calendar is usable; prepared once per calendar object. */
export function checkCalendar(calendar: WorkCalendar): void {
  prepared(calendar);
}

/** Whether the calendar day (on its wall clock) the instant falls on has working hours. */
export function isWorkingDayAt(calendar: WorkCalendar, instant: number): boolean {
  const zone = prepared(calendar);
  return hoursOfDay(zone, Math.floor(toWallClock(instant, zone.timeZone) / DAY) * DAY).length > 0;
}

/**
 * The working intervals of each day that intersect [from, to), in order. `to` may be Infinity: the
 * caller stops consuming when it has enough.
 */
export function* workingSegments(calendar: WorkCalendar, from: number, to = Infinity): Generator<WorkingSegment> {
  const zone = prepared(calendar);
  // Start one day early: a day's hours may reach past the next UTC midnight in zones behind UTC.
  let wallMidnight = Math.floor(toWallClock(from, zone.timeZone) / DAY) * DAY - DAY;
  let emptyDays = 0;
  for (;;) {
    const dayStart = fromWallClock(wallMidnight, zone.timeZone);
    if (dayStart >= to) break;
    const hours = hoursOfDay(zone, wallMidnight);
    emptyDays = hours.length ? 0 : emptyDays + 1;
    if (emptyDays > MAX_CALENDAR_DAYS) throw new CalendarError([{ path: '', message: `no working time within ${MAX_CALENDAR_DAYS} days` }]);
    for (const interval of hours) {
      const segment = { from: Math.max(from, fromWallClock(wallMidnight + interval.opens * MINUTE, zone.timeZone)), to: Math.min(to, fromWallClock(wallMidnight + interval.closes * MINUTE, zone.timeZone)) };
      if (segment.to > segment.from) yield segment;
    }
    wallMidnight += DAY;
  }
}

/** Joins segments where one ends as the next begins (a 24x7 calendar's days become one interval). */
export function mergeSegments(segments: readonly WorkingSegment[]): WorkingSegment[] {
  const merged: WorkingSegment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (last && last.to === segment.from) last.to = segment.to;
    else merged.push({ ...segment });
  }
  return merged;
}

/** Working milliseconds in [from, to). */
export function workingTimeBetween(calendar: WorkCalendar, from: number, to: number): number {
  let total = 0;
  for (const segment of workingSegments(calendar, from, to)) total += segment.to - segment.from;
  return total;
}

/** The instant at which `amount` working milliseconds have passed after `from`, and the segments used. */
export function addWorkingTime(calendar: WorkCalendar, from: number, amount: number): { instant: number; segments: WorkingSegment[] } {
  const segments: WorkingSegment[] = [];
  if (amount <= 0) return { instant: from, segments };
  let remaining = amount;
  for (const segment of workingSegments(calendar, from)) {
    const length = segment.to - segment.from;
    if (remaining <= length) {
      segments.push({ from: segment.from, to: segment.from + remaining });
      return { instant: segment.from + remaining, segments };
    }
    segments.push(segment);
    remaining -= length;
  }
  throw new CalendarError([{ path: '', message: 'the calendar has no more working time' }]);
}
