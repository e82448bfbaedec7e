/** Instants, ISO 8601 durations and time zones, without the process clock or its time zone. */
import { RuleError } from './errors';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DURATION = /^([+-])?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

/**
 * Epoch milliseconds of a Date, a finite number (already epoch ms) or an ISO 8601 text; null for
 * anything else. A text without an offset is UTC, so results never depend on the server's zone.
 */
export function toInstant(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const match = ISO_INSTANT.exec(value);
  if (!match) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month - 1) || hour > 23 || minute > 59 || second > 59) return null;
  const millis = match[7] ? Number(match[7].slice(0, 3).padEnd(3, '0')) : 0;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes(match[8]) * MINUTE;
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits[0] === '-' ? -minutes : minutes;
}

export function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

export function isoString(instant: number): string {
  return new Date(instant).toISOString();
}

export interface Duration {
  sign: 1 | -1;
  years: number;
  months: number;
  weeks: number;
  days: number;
  /** Hours, minutes and seconds together. */
  milliseconds: number;
}

/** An ISO 8601 duration such as 'PT4H', 'P2D', 'P1M', '-P1DT12H'; null when the text is not one. */
export function parseDuration(text: unknown): Duration | null {
  if (typeof text !== 'string') return null;
  const match = DURATION.exec(text);
  if (!match || text.endsWith('P') || text.endsWith('T')) return null;
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(2).map((part) => Number(part ?? 0));
  return { sign: match[1] === '-' ? -1 : 1, years, months, weeks, days, milliseconds: Math.round(hours * HOUR + minutes * MINUTE + seconds * 1000) };
}

export function requireDuration(text: unknown, path: string): Duration {
  const duration = parseDuration(text);
  if (!duration) throw new RuleError('rule_invalid_duration', `${JSON.stringify(text)} is not an ISO 8601 duration such as "PT4H" or "P2D"`, path);
  return duration;
}

/** Calendar arithmetic in UTC: months keep the day of month, clamped to the month's last day. */
export function addDuration(instant: number, duration: Duration): number {
  const { sign } = duration;
  let result = instant;
  if (duration.years || duration.months) {
    const date = new Date(instant);
    const monthIndex = date.getUTCMonth() + sign * (duration.years * 12 + duration.months);
    const year = date.getUTCFullYear() + Math.floor(monthIndex / 12);
    const month = ((monthIndex % 12) + 12) % 12;
    const day = Math.min(date.getUTCDate(), daysInMonth(year, month));
    result = Date.UTC(year, month, day) + (instant - Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  }
  return result + sign * ((duration.weeks * 7 + duration.days) * DAY + duration.milliseconds);
}

export const DIFFERENCE_UNITS: Readonly<Record<string, number>> = { weeks: 7 * DAY, days: DAY, hours: HOUR, minutes: MINUTE, seconds: 1000 };

export function unitLength(unit: unknown, path: string): number {
  const length = typeof unit === 'string' && Object.hasOwn(DIFFERENCE_UNITS, unit) ? DIFFERENCE_UNITS[unit] : undefined;
  if (length === undefined) throw new RuleError('rule_invalid_unit', `Unit ${JSON.stringify(unit)} is not one of ${Object.keys(DIFFERENCE_UNITS).join(', ')}`, path);
  return length;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, format);
  }
  return format;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant. */
function zoneOffset(instant: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The wall-clock time of an instant in a zone, written as if it were UTC (so UTC getters read it). */
export function toWallClock(instant: number, timeZone: string): number {
  return instant + zoneOffset(instant, timeZone);
}

export function fromWallClock(wall: number, timeZone: string): number {
  const guess = wall - zoneOffset(wall, timeZone);
  return wall - zoneOffset(guess, timeZone);
}
