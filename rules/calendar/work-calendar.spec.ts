import { addWorkingTime, calendarIssues, workingSegments, workingTimeBetween, type WorkCalendar } from './index';

const at = (iso: string) => Date.parse(iso);
const iso = (instant: number) => new Date(instant).toISOString();
const HOUR = 3_600_000;

/** Moscow office: Mon–Thu 09–18, Friday shortened to 16:45, 9 March 2026 a holiday (UTC+3 all year). */
const moscowOffice: WorkCalendar = {
  timeZone: 'Europe/Moscow',
  hours: { start: '09:00', end: '18:00' },
  weekHours: { '5': [{ start: '09:00', end: '16:45' }] },
  holidays: ['2026-03-09'],
};

describe('working calendars', () => {
  it('skips the weekend and a holiday: Friday 15:00 + 8 h ends Tuesday 15:15 Moscow time', () => {
    // Friday 15:00–16:45 is 1 h 45 min; Saturday, Sunday and the Monday holiday are off; 6 h 15 min remain on Tuesday from 09:00.
    expect(iso(addWorkingTime(moscowOffice, at('2026-03-06T12:00:00Z'), 8 * HOUR).instant)).toBe('2026-03-10T12:15:00.000Z');
  });

  it('works a moved working day with the default hours', () => {
    // Saturday 7 March works 09:00–18:00: 6 h 15 min after 09:00 is 15:15 Moscow, 12:15 UTC.
    const calendar = { ...moscowOffice, extraWorkingDays: ['2026-03-07'] };
    expect(iso(addWorkingTime(calendar, at('2026-03-06T12:00:00Z'), 8 * HOUR).instant)).toBe('2026-03-07T12:15:00.000Z');
  });

  it('gives a date exception its own hours, and an empty list makes it a day off', () => {
    // Friday shortened to 09:00–14:00: nothing left after 15:00; Monday is the holiday; Tuesday 09:00 + 8 h = 17:00 Moscow.
    const shortened = { ...moscowOffice, exceptions: [{ date: '2026-03-06', hours: [{ start: '09:00', end: '14:00' }] }] };
    expect(iso(addWorkingTime(shortened, at('2026-03-06T12:00:00Z'), 8 * HOUR).instant)).toBe('2026-03-10T14:00:00.000Z');
    const dayOff = { ...moscowOffice, exceptions: [{ date: '2026-03-10', hours: [] }] };
    expect(iso(addWorkingTime(dayOff, at('2026-03-06T12:00:00Z'), 8 * HOUR).instant)).toBe('2026-03-11T12:15:00.000Z');
  });

  it('lets a weekday have several intervals (a lunch break)', () => {
    const withLunch: WorkCalendar = { timeZone: 'UTC', weekHours: { '1': [{ start: '13:00', end: '17:00' }, { start: '09:00', end: '12:00' }] }, workingDays: [1] };
    // Monday 2 March 2026: 09–12 and 13–17 = 7 h.
    expect(workingTimeBetween(withLunch, at('2026-03-02T00:00:00Z'), at('2026-03-03T00:00:00Z'))).toBe(7 * HOUR);
    expect(iso(addWorkingTime(withLunch, at('2026-03-02T11:00:00Z'), 2 * HOUR).instant)).toBe('2026-03-02T14:00:00.000Z');
  });

  describe('across DST changes in Europe/Berlin', () => {
    const berlin24x7: WorkCalendar = { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5, 6, 7] };
    const berlinOffice: WorkCalendar = { timeZone: 'Europe/Berlin', hours: { start: '09:00', end: '17:00' } };

    it('counts real hours on the night clocks go forward: 01:00 CET + 4 h is 06:00 CEST', () => {
      // 29 March 2026 (last Sunday of March) 01:00 CET = 00:00 UTC; four real hours later is 04:00 UTC = 06:00 CEST.
      expect(iso(addWorkingTime(berlin24x7, at('2026-03-29T00:00:00Z'), 4 * HOUR).instant)).toBe('2026-03-29T04:00:00.000Z');
      expect(workingTimeBetween(berlin24x7, at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'))).toBe(23 * HOUR);
    });

    it('counts real hours on the night clocks go back: 01:00 CEST + 4 h is 04:00 CET', () => {
      // 25 October 2026 (last Sunday of October) 01:00 CEST = 24 Oct 23:00 UTC; + 4 h = 03:00 UTC = 04:00 CET.
      expect(iso(addWorkingTime(berlin24x7, at('2026-10-24T23:00:00Z'), 4 * HOUR).instant)).toBe('2026-10-25T03:00:00.000Z');
      expect(workingTimeBetween(berlin24x7, at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'))).toBe(25 * HOUR);
    });

    it('keeps office hours on the wall clock across the change', () => {
      // Friday 27 March 16:00 CET (15:00 UTC) + 2 h: 1 h on Friday, then Monday 30 March 09:00 CEST (07:00 UTC) + 1 h.
      expect(iso(addWorkingTime(berlinOffice, at('2026-03-27T15:00:00Z'), 2 * HOUR).instant)).toBe('2026-03-30T08:00:00.000Z');
    });
  });

  it('has no DST in Europe/Moscow: a 24x7 day there is 24 hours on the Berlin change dates', () => {
    const moscow24x7: WorkCalendar = { timeZone: 'Europe/Moscow', workingDays: [1, 2, 3, 4, 5, 6, 7] };
    expect(workingTimeBetween(moscow24x7, at('2026-03-28T21:00:00Z'), at('2026-03-29T21:00:00Z'))).toBe(24 * HOUR);
    expect(iso(addWorkingTime(moscow24x7, at('2026-10-24T22:00:00Z'), 4 * HOUR).instant)).toBe('2026-10-25T02:00:00.000Z');
  });

  it('yields the working intervals of each day as UTC instants', () => {
    const segments = [...workingSegments(moscowOffice, at('2026-03-06T12:00:00Z'), at('2026-03-11T00:00:00Z'))].map((segment) => [iso(segment.from), iso(segment.to)]);
    expect(segments).toEqual([
      ['2026-03-06T12:00:00.000Z', '2026-03-06T13:45:00.000Z'],
      ['2026-03-10T06:00:00.000Z', '2026-03-10T15:00:00.000Z'],
    ]);
  });

  it('reports every problem of a calendar with its path', () => {
    expect(calendarIssues(moscowOffice)).toEqual([]);
    expect(calendarIssues({ timeZone: 'Mars/Olympus', hours: { start: '18:00', end: '09:00' }, weekHours: { '8': [] }, holidays: ['2026-02-30'], exceptions: [{ date: 'x', hours: [] }] })).toEqual([
      { path: 'timeZone', message: 'unknown time zone "Mars/Olympus"' },
      { path: 'hours.0', message: 'working hours must end after they start' },
      { path: 'weekHours.8', message: "weekdays are '1' (Monday) to '7' (Sunday)" },
      { path: 'exceptions.0.date', message: "must be a date 'YYYY-MM-DD'" },
      { path: 'holidays.0', message: "must be a date 'YYYY-MM-DD'" },
    ]);
    expect(calendarIssues([])).toEqual([{ path: '', message: 'a calendar is an object' }]);
  });

  it('refuses to scan forever on a calendar without working time', () => {
    expect(() => addWorkingTime({ timeZone: 'UTC', workingDays: [] }, 0, HOUR)).toThrow('no working time within 3660 days');
  });
});
