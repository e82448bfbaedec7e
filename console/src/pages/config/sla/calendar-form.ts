/**
 * A business calendar as the form edits it (one interval per weekday, a switch for days off) and back.
 * Pure, so the conversion is unit-tested; the server checks the result with the rule engine's calendarIssues.
 */
import type { WorkCalendar } from '../../../../../rules/index';

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Hours {
  start: string;
  end: string;
}

/** A day with a lunch break has two intervals; all are kept, so editing one never drops another. */
export interface DayForm {
  on: boolean;
  hours: Hours[];
}

export interface ExceptionForm {
  date: string;
  dayOff: boolean;
  hours: Hours[];
}

export interface CalendarForm {
  timeZone: string;
  week: Record<Weekday, DayForm>;
  holidays: string[];
  extraWorkingDays: string[];
  exceptions: ExceptionForm[];
}

const DEFAULT_WORKING_DAYS = [1, 2, 3, 4, 5];

export function calendarToForm(definition: WorkCalendar | undefined): CalendarForm {
  const calendar = definition ?? { timeZone: 'UTC', hours: { start: '09:00', end: '18:00' } };
  const workingDays = calendar.workingDays ?? DEFAULT_WORKING_DAYS;
  const hours = calendar.hours ?? { start: '00:00', end: '24:00' };
  const week = Object.fromEntries(
    WEEKDAYS.map((day) => {
      const own = calendar.weekHours?.[day];
      if (own !== undefined) return [day, { on: own.length > 0, hours: own.length > 0 ? own.map(({ start, end }) => ({ start, end })) : [{ ...hours }] }];
      return [day, { on: workingDays.includes(Number(day)), hours: [{ start: hours.start, end: hours.end }] }];
    }),
  ) as Record<Weekday, DayForm>;
  return {
    timeZone: calendar.timeZone ?? 'UTC',
    week,
    holidays: calendar.holidays ?? [],
    extraWorkingDays: calendar.extraWorkingDays ?? [],
    exceptions: (calendar.exceptions ?? []).map(({ date, hours: own }) => ({ date, dayOff: own.length === 0, hours: own.map(({ start, end }) => ({ start, end })) })),
  };
}

/** Every weekday gets its own hours, so no default `hours` has to be guessed from the days. */
export function formToCalendar(form: CalendarForm): WorkCalendar {
  const on = WEEKDAYS.filter((day) => form.week[day].on);
  return {
    timeZone: form.timeZone,
    workingDays: on.map(Number),
    weekHours: Object.fromEntries(WEEKDAYS.map((day) => [day, form.week[day].on ? intervals(form.week[day].hours) : []])),
    holidays: form.holidays ?? [],
    extraWorkingDays: form.extraWorkingDays ?? [],
    exceptions: (form.exceptions ?? []).map((exception) => ({ date: exception.date, hours: exception.dayOff ? [] : intervals(exception.hours) })),
  };
}

const intervals = (hours: Hours[] | undefined) => (hours ?? []).map(({ start, end }) => ({ start: start ?? '', end: end ?? '' }));

/** A server detail path (`definition.weekHours.3.0`) as the form field that shows it (`week.3.hours.0.start`). */
export function calendarFieldOf(path: string): string {
  const inside = path.replace(/^definition\.?/, '');
  const weekday = /^weekHours\.([1-7])(?:\.(\d+))?/.exec(inside);
  if (weekday) return `week.${weekday[1]}.hours.${weekday[2] ?? 0}.start`;
  const exception = /^exceptions\.(\d+)\.hours(?:\.(\d+))?/.exec(inside);
  if (exception) return `exceptions.${exception[1]}.hours.${exception[2] ?? 0}.start`;
  if (inside === 'workingDays' || inside === 'hours' || inside.startsWith('hours.')) return 'week.1.hours.0.start';
  return inside;
}
