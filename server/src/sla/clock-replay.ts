/** Ledger rows → the rule engine's clock events, and a clock result → what the API shows. Pure. */
import type { ClockEvent, ClockResult, WorkCalendar } from '../../../rules/index';
import type { SlaLedgerEntry } from './entities/sla-ledger-entry.entity';

export type LedgerRow = Pick<SlaLedgerEntry, 'id' | 'type' | 'at' | 'priority' | 'calendarId' | 'deadline' | 'reason'>;

/** Calendars are named by their id inside a computation. */
export const calendarKey = (calendarId: number) => String(calendarId);

export function toClockEvent(row: LedgerRow): ClockEvent {
  const at = row.at.getTime();
  const reason = row.reason ?? undefined;
  switch (row.type) {
    case 'start':
      return { type: 'start', at, priority: row.priority as number, calendar: calendarKey(row.calendarId as number) };
    case 'priority':
      return { type: 'priority', at, priority: row.priority as number };
    case 'calendar':
      return { type: 'calendar', at, calendar: calendarKey(row.calendarId as number) };
    case 'deadline':
      return { type: 'deadline', at, deadline: (row.deadline as Date).getTime(), reason };
    case 'pause':
      return { type: 'pause', at, reason };
    default:
      return { type: row.type, at };
  }
}

/** Every calendar id a clock's ledger names, so they can be loaded at once. */
export function calendarIdsOf(rows: readonly LedgerRow[]): number[] {
  return [...new Set(rows.map((row) => row.calendarId).filter((id): id is number => id !== null))];
}

const instant = (value: number | null) => (value === null ? null : new Date(value).toISOString());

export interface ClockView {
  clock: string;
  policyId: number;
  state: ClockResult['state'];
  priority: number | null;
  calendarId: number | null;
  targetMinutes: number | null;
  elapsedMinutes: number;
  deadline: string | null;
  warningAt: string | null;
  breached: boolean;
  stoppedAt: string | null;
  explanation: {
    segments: { from: string; to: string; calendarId: number; minutes: number; planned: boolean }[];
    pauses: { from: string; to: string | null; reason: string | null }[];
    lines: { at: string; event: string; note: string }[];
  };
}

const minutes = (ms: number) => Math.round((ms / 60_000) * 1000) / 1000;

export function clockView(clock: string, policyId: number, result: ClockResult): ClockView {
  return {
    clock,
    policyId,
    state: result.state,
    priority: result.priority,
    calendarId: result.calendar === null ? null : Number(result.calendar),
    targetMinutes: result.targetMs === null ? null : minutes(result.targetMs),
    elapsedMinutes: minutes(result.elapsedMs),
    deadline: instant(result.deadline),
    warningAt: instant(result.warningAt),
    breached: result.breached,
    stoppedAt: instant(result.stoppedAt),
    explanation: {
      segments: result.explanation.segments.map((segment) => ({ from: instant(segment.from) as string, to: instant(segment.to) as string, calendarId: Number(segment.calendar), minutes: minutes(segment.to - segment.from), planned: segment.planned })),
      pauses: result.explanation.pauses.map((pause) => ({ from: instant(pause.from) as string, to: instant(pause.to), reason: pause.reason })),
      lines: result.explanation.lines.map((line) => ({ at: instant(line.at) as string, event: line.event, note: line.note })),
    },
  };
}

export type CalendarLookup = Readonly<Record<string, WorkCalendar>>;
