import { computeClock, type ClockEvent, type ClockInput, type WorkCalendar } from './index';

const at = (iso: string) => Date.parse(iso);
const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());
const HOUR = 3_600_000;

/** Moscow is UTC+3 all year: 10:00 Moscow is 07:00 UTC. */
const calendars: Record<string, WorkCalendar> = {
  office: { timeZone: 'Europe/Moscow', hours: { start: '09:00', end: '18:00' } },
  '24x7': { timeZone: 'Europe/Moscow', workingDays: [1, 2, 3, 4, 5, 6, 7] },
  berlin24x7: { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5, 6, 7] },
};
const targets = { '1': 4 * HOUR, '2': 8 * HOUR, '3': 16 * HOUR };
const MONDAY_10 = at('2026-03-02T07:00:00Z');

function clock(events: ClockEvent[], now = at('2026-03-02T08:00:00Z'), extra: Partial<ClockInput> = {}) {
  return computeClock({ events, targets, calendars, warningPercent: 80, now, ...extra });
}

describe('SLA clock deadlines', () => {
  it('gives the deadline and the warning of a running clock with the segments used', () => {
    // Monday 10:00 Moscow + 8 working hours = Monday 18:00 (15:00 UTC); 80 % = 6 h 24 min → 16:24 Moscow.
    const result = clock([{ type: 'start', at: MONDAY_10, priority: 2, calendar: 'office' }]);
    expect(result).toMatchObject({ state: 'running', priority: 2, targetMs: 8 * HOUR, elapsedMs: HOUR, breached: false });
    expect(iso(result.deadline)).toBe('2026-03-02T15:00:00.000Z');
    expect(iso(result.warningAt)).toBe('2026-03-02T13:24:00.000Z');
    expect(result.explanation.segments.map((segment) => [iso(segment.from), iso(segment.to), segment.planned])).toEqual([['2026-03-02T07:00:00.000Z', '2026-03-02T15:00:00.000Z', true]]);
  });

  it('moves the deadline by the working time spent paused', () => {
    // 2 h used by the pause at 12:00; resumed Tuesday 10:00; 6 h remain → Tuesday 16:00 Moscow (13:00 UTC).
    const result = clock(
      [
        { type: 'start', at: MONDAY_10, priority: 2, calendar: 'office' },
        { type: 'pause', at: at('2026-03-02T09:00:00Z'), reason: 'waiting for the customer' },
        { type: 'resume', at: at('2026-03-03T07:00:00Z') },
      ],
      at('2026-03-03T08:00:00Z'),
    );
    expect(iso(result.deadline)).toBe('2026-03-03T13:00:00.000Z');
    expect(result.elapsedMs).toBe(3 * HOUR);
    expect(result.explanation.pauses).toEqual([{ from: at('2026-03-02T09:00:00Z'), to: at('2026-03-03T07:00:00Z'), reason: 'waiting for the customer' }]);
    expect(result.explanation.segments.map((segment) => [iso(segment.from), iso(segment.to), segment.planned])).toEqual([
      ['2026-03-02T07:00:00.000Z', '2026-03-02T09:00:00.000Z', false],
      ['2026-03-03T07:00:00.000Z', '2026-03-03T13:00:00.000Z', true],
    ]);
  });

  it('has no deadline while paused, but remembers the working time used', () => {
    const result = clock([{ type: 'start', at: MONDAY_10, priority: 2, calendar: 'office' }, { type: 'pause', at: at('2026-03-02T09:00:00Z') }], at('2026-03-04T09:00:00Z'));
    expect(result).toMatchObject({ state: 'paused', deadline: null, warningAt: null, elapsedMs: 2 * HOUR, breached: false });
  });

  it('applies the new priority target to the working time already used', () => {
    const start: ClockEvent = { type: 'start', at: MONDAY_10, priority: 3, calendar: 'office' };
    // Priority 3 (16 h): Monday 10–18 is 8 h, Tuesday 09–17 the other 8 → Tuesday 17:00 Moscow.
    expect(iso(clock([start]).deadline)).toBe('2026-03-03T14:00:00.000Z');
    // At 14:00 (4 h used) priority 2 (8 h): 4 h remain → Monday 18:00 Moscow.
    expect(iso(clock([start, { type: 'priority', at: at('2026-03-02T11:00:00Z'), priority: 2 }]).deadline)).toBe('2026-03-02T15:00:00.000Z');
    // At 14:00 priority 1 (4 h): the target is already used up → the deadline is 14:00 itself, breached once it is past.
    const raised = clock([start, { type: 'priority', at: at('2026-03-02T11:00:00Z'), priority: 1 }], at('2026-03-02T11:30:00Z'));
    expect(iso(raised.deadline)).toBe('2026-03-02T11:00:00.000Z');
    expect(raised.breached).toBe(true);
    // Warning at 80 % of 4 h = 3 h 12 min after 10:00 → 13:12 Moscow, found among the worked segments.
    expect(iso(raised.warningAt)).toBe('2026-03-02T10:12:00.000Z');
  });

  it('counts the rest on another calendar after a calendar change', () => {
    // Friday 6 March 16:00 Moscow, priority 1 (4 h) on office hours: 2 h by 18:00, then 24x7 from 18:00 → 20:00 Moscow.
    const start: ClockEvent = { type: 'start', at: at('2026-03-06T13:00:00Z'), priority: 1, calendar: 'office' };
    expect(iso(clock([start], at('2026-03-06T14:00:00Z')).deadline)).toBe('2026-03-09T08:00:00.000Z');
    const changed = clock([start, { type: 'calendar', at: at('2026-03-06T15:00:00Z'), calendar: '24x7' }], at('2026-03-06T16:00:00Z'));
    expect(iso(changed.deadline)).toBe('2026-03-06T17:00:00.000Z');
    expect(changed.explanation.segments.map((segment) => segment.calendar)).toEqual(['office', '24x7']);
  });

  it('reports a stop after the deadline as breached, and a reset counts from zero again', () => {
    const start: ClockEvent = { type: 'start', at: MONDAY_10, priority: 1, calendar: 'office' };
    const late = clock([start, { type: 'stop', at: at('2026-03-02T12:00:00Z') }], at('2026-03-05T00:00:00Z'));
    expect(late).toMatchObject({ state: 'stopped', elapsedMs: 5 * HOUR, breached: true, stoppedAt: at('2026-03-02T12:00:00Z') });
    const inTime = clock([start, { type: 'stop', at: at('2026-03-02T09:00:00Z') }], at('2026-03-05T00:00:00Z'));
    expect(inTime).toMatchObject({ state: 'stopped', elapsedMs: 2 * HOUR, breached: false, deadline: null });
    // Reopened Tuesday 10:00: 4 h from zero → Tuesday 14:00 Moscow.
    const reopened = clock([start, { type: 'stop', at: at('2026-03-02T09:00:00Z') }, { type: 'reset', at: at('2026-03-03T07:00:00Z') }], at('2026-03-03T08:00:00Z'));
    expect(reopened).toMatchObject({ state: 'running', elapsedMs: HOUR });
    expect(iso(reopened.deadline)).toBe('2026-03-03T11:00:00.000Z');
  });

  it('keeps a deadline set by hand to the minute, and moves it by later pauses', () => {
    const events: ClockEvent[] = [
      { type: 'start', at: MONDAY_10, priority: 2, calendar: 'office' },
      { type: 'deadline', at: at('2026-03-02T08:00:00Z'), deadline: at('2026-03-04T09:00:00Z'), reason: 'agreed with the customer' },
    ];
    const fixed = clock(events, at('2026-03-02T08:30:00Z'));
    expect(iso(fixed.deadline)).toBe('2026-03-04T09:00:00.000Z');
    // Target = 1 h used + Monday 11–18 (7) + Tuesday (9) + Wednesday 09–12 (3) = 20 h. Paused 12:00–15:00 Monday with 2 h used:
    // 18 h remain from Monday 15:00 → Monday 3, Tuesday 9, Wednesday 6 → Wednesday 15:00 Moscow.
    const moved = clock([...events, { type: 'pause', at: at('2026-03-02T09:00:00Z') }, { type: 'resume', at: at('2026-03-02T12:00:00Z') }], at('2026-03-02T12:30:00Z'));
    expect(moved.targetMs).toBe(20 * HOUR);
    expect(iso(moved.deadline)).toBe('2026-03-04T12:00:00.000Z');
  });

  it('counts real elapsed time across the Berlin spring change, and a priority without target has no deadline', () => {
    const result = clock([{ type: 'start', at: at('2026-03-29T00:00:00Z'), priority: 1, calendar: 'berlin24x7' }], at('2026-03-29T01:00:00Z'));
    expect(iso(result.deadline)).toBe('2026-03-29T04:00:00.000Z');
    expect(new Date(result.deadline as number).toLocaleString('en-GB', { timeZone: 'Europe/Berlin' })).toBe('29/03/2026, 06:00:00');
    expect(clock([{ type: 'start', at: MONDAY_10, priority: 5, calendar: 'office' }])).toMatchObject({ targetMs: null, deadline: null, breached: false });
  });

  it('explains every event, including the ones it ignored', () => {
    const result = clock([{ type: 'resume', at: MONDAY_10 - HOUR }, { type: 'start', at: MONDAY_10, priority: 2, calendar: 'office' }, { type: 'start', at: MONDAY_10 + 1000, priority: 1, calendar: 'office' }]);
    expect(result.explanation.lines.map((line) => line.note)).toEqual([
      'ignored: the clock is not_started',
      "started at priority 2 on calendar 'office', target 8 h",
      'already running: ignored',
    ]);
  });
});
