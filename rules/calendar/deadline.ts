/**
 * The deadline of one SLA clock (reaction, resolution, a route step) as a pure function of its event
 * ledger, its targets and the calendars: replaying the same ledger always gives the same deadline,
 * and the result says which working segments and pauses made it.
 */
import { addWorkingTime, mergeSegments, workingTimeBetween, workingSegments, type WorkCalendar, type WorkingSegment } from './work-calendar';

export type ClockEvent =
  | { type: 'start'; at: number; priority: number; calendar: string }
  | { type: 'pause'; at: number; reason?: string }
  | { type: 'resume'; at: number }
  | { type: 'stop'; at: number }
  /** Starts the count again from zero (a reopened request). */
  | { type: 'reset'; at: number }
  /** The target of the new priority applies to the working time already used. */
  | { type: 'priority'; at: number; priority: number }
  /** Working time from here on is counted on another calendar. */
  | { type: 'calendar'; at: number; calendar: string }
  /** A deadline set by hand; later pauses move it, a priority change or reset replaces it. */
  | { type: 'deadline'; at: number; deadline: number; reason?: string };

export type ClockEventType = ClockEvent['type'];
export const CLOCK_EVENT_TYPES: readonly ClockEventType[] = ['start', 'pause', 'resume', 'stop', 'reset', 'priority', 'calendar', 'deadline'];

export interface ClockInput {
  events: readonly ClockEvent[];
  /** Working milliseconds allowed, by priority; a priority without one has no deadline. */
  targets: Readonly<Record<string, number>>;
  calendars: Readonly<Record<string, WorkCalendar>>;
  /** Share of the target after which a warning is due, 1–99. */
  warningPercent: number;
  now: number;
}

export type ClockState = 'not_started' | 'running' | 'paused' | 'stopped';

export interface ExplainedSegment extends WorkingSegment {
  calendar: string;
  /** Not worked yet: the part of the working time still ahead of the last event. */
  planned: boolean;
}

export interface ClockPause {
  from: number;
  to: number | null;
  reason: string | null;
}

export interface ClockLine {
  at: number;
  event: ClockEventType;
  note: string;
}

export interface ClockResult {
  state: ClockState;
  priority: number | null;
  calendar: string | null;
  targetMs: number | null;
  /** Working time used up to `now` (or up to the stop). */
  elapsedMs: number;
  /** null while paused, and when there is no target. */
  deadline: number | null;
  warningAt: number | null;
  breached: boolean;
  stoppedAt: number | null;
  explanation: { segments: ExplainedSegment[]; pauses: ClockPause[]; lines: ClockLine[] };
}

interface Replay {
  state: ClockState;
  priority: number | null;
  calendar: string | null;
  targetMs: number | null;
  /** Working time counted up to `since`. */
  elapsed: number;
  since: number;
  worked: ExplainedSegment[];
  pauses: ClockPause[];
  lines: ClockLine[];
  /** The exact instant of a manual deadline, while nothing since has moved it. */
  fixedDeadline: { deadline: number; setAt: number } | null;
  stoppedAt: number | null;
}

const hours = (ms: number) => `${+(ms / 3_600_000).toFixed(3)} h`;

function calendarNamed(input: ClockInput, name: string): WorkCalendar {
  const calendar = input.calendars[name];
  if (!calendar) throw new Error(`no calendar '${name}' was given`);
  return calendar;
}

/** Adds the working time of [since, until) on the current calendar to what the clock has used. */
function work(input: ClockInput, replay: Replay, until: number): void {
  if (replay.state !== 'running' || replay.calendar === null || until <= replay.since) return;
  for (const segment of workingSegments(calendarNamed(input, replay.calendar), replay.since, until)) {
    replay.worked.push({ ...segment, calendar: replay.calendar, planned: false });
    replay.elapsed += segment.to - segment.from;
  }
  replay.since = until;
}

function targetOf(input: ClockInput, priority: number): number | null {
  return Object.hasOwn(input.targets, String(priority)) ? input.targets[String(priority)] : null;
}

function restart(replay: Replay, at: number): void {
  Object.assign(replay, { state: 'running', elapsed: 0, since: at, worked: [], pauses: [], fixedDeadline: null, stoppedAt: null });
}

const APPLY: { [Type in ClockEventType]: (input: ClockInput, replay: Replay, event: Extract<ClockEvent, { type: Type }>) => string } = {
  start(input, replay, event) {
    if (replay.state === 'running' || replay.state === 'paused') return 'already running: ignored';
    restart(replay, event.at);
    replay.priority = event.priority;
    replay.calendar = event.calendar;
    replay.targetMs = targetOf(input, event.priority);
    return `started at priority ${event.priority} on calendar '${event.calendar}', target ${replay.targetMs === null ? 'none' : hours(replay.targetMs)}`;
  },
  pause(_input, replay, event) {
    if (replay.state !== 'running') return `ignored: the clock is ${replay.state}`;
    replay.state = 'paused';
    replay.fixedDeadline = null;
    replay.pauses.push({ from: event.at, to: null, reason: event.reason ?? null });
    return `paused${event.reason ? ` (${event.reason})` : ''} after ${hours(replay.elapsed)} of working time`;
  },
  resume(_input, replay, event) {
    if (replay.state !== 'paused') return `ignored: the clock is ${replay.state}`;
    replay.state = 'running';
    replay.since = event.at;
    replay.pauses[replay.pauses.length - 1].to = event.at;
    return 'resumed';
  },
  stop(_input, replay, event) {
    if (replay.state !== 'running' && replay.state !== 'paused') return `ignored: the clock is ${replay.state}`;
    const open = replay.pauses[replay.pauses.length - 1];
    if (replay.state === 'paused' && open) open.to = event.at;
    replay.state = 'stopped';
    replay.stoppedAt = event.at;
    return `stopped after ${hours(replay.elapsed)} of working time`;
  },
  reset(_input, replay, event) {
    if (replay.state === 'not_started') return 'ignored: the clock has not started';
    restart(replay, event.at);
    return 'reset: counting again from zero';
  },
  priority(input, replay, event) {
    replay.priority = event.priority;
    replay.targetMs = targetOf(input, event.priority);
    replay.fixedDeadline = null;
    return `priority ${event.priority}: target ${replay.targetMs === null ? 'none' : hours(replay.targetMs)}, ${hours(replay.elapsed)} already used`;
  },
  calendar(input, replay, event) {
    calendarNamed(input, event.calendar);
    replay.calendar = event.calendar;
    replay.fixedDeadline = null;
    return `calendar '${event.calendar}' from here on`;
  },
  deadline(input, replay, event) {
    if (replay.calendar === null) return 'ignored: the clock has not started';
    replay.targetMs = replay.elapsed + Math.max(0, workingTimeBetween(calendarNamed(input, replay.calendar), event.at, event.deadline));
    replay.fixedDeadline = { deadline: event.deadline, setAt: event.at };
    return `deadline set by hand to ${new Date(event.deadline).toISOString()}${event.reason ? ` (${event.reason})` : ''}`;
  },
};

/** The instant the clock's reading reaches `reading`: among the worked segments, or ahead of `since` when running. */
function instantAtReading(input: ClockInput, replay: Replay, reading: number, planned: ExplainedSegment[] | null): number | null {
  if (reading <= replay.elapsed) {
    let used = 0;
    for (const segment of replay.worked) {
      if (used + (segment.to - segment.from) >= reading) return segment.from + (reading - used);
      used += segment.to - segment.from;
    }
    return replay.since;
  }
  if (replay.state !== 'running' || replay.calendar === null) return null;
  const ahead = addWorkingTime(calendarNamed(input, replay.calendar), replay.since, reading - replay.elapsed);
  planned?.push(...ahead.segments.map((segment) => ({ ...segment, calendar: replay.calendar as string, planned: true })));
  return ahead.instant;
}

export function computeClock(input: ClockInput): ClockResult {
  const replay: Replay = { state: 'not_started', priority: null, calendar: null, targetMs: null, elapsed: 0, since: 0, worked: [], pauses: [], lines: [], fixedDeadline: null, stoppedAt: null };
  const events = [...input.events].sort((a, b) => a.at - b.at);
  for (const event of events) {
    work(input, replay, event.at);
    const note = (APPLY[event.type] as (input: ClockInput, replay: Replay, event: ClockEvent) => string)(input, replay, event);
    replay.lines.push({ at: event.at, event: event.type, note });
  }
  const planned: ExplainedSegment[] = [];
  let deadline: number | null = null;
  let warningAt: number | null = null;
  if (replay.targetMs !== null && replay.state !== 'not_started') {
    const fixed = replay.state === 'running' ? replay.fixedDeadline : null;
    if (fixed) {
      deadline = fixed.deadline;
      warningAt = fixed.deadline - Math.round(((100 - input.warningPercent) / 100) * Math.max(0, fixed.deadline - fixed.setAt));
    } else {
      deadline = instantAtReading(input, replay, replay.targetMs, planned);
      warningAt = instantAtReading(input, replay, Math.floor((replay.targetMs * input.warningPercent) / 100), null);
    }
  }
  const end = replay.state === 'stopped' ? (replay.stoppedAt as number) : input.now;
  const elapsedMs = replay.elapsed + (replay.state === 'running' && replay.calendar !== null && end > replay.since ? workingTimeBetween(calendarNamed(input, replay.calendar), replay.since, end) : 0);
  const breached = replay.targetMs !== null && (replay.state === 'stopped' ? elapsedMs > replay.targetMs : deadline !== null && deadline <= input.now);
  return {
    state: replay.state,
    priority: replay.priority,
    calendar: replay.calendar,
    targetMs: replay.targetMs,
    elapsedMs,
    deadline,
    warningAt,
    breached,
    stoppedAt: replay.stoppedAt,
    explanation: { segments: [...mergeByCalendar(replay.worked), ...mergeByCalendar(planned)], pauses: replay.pauses, lines: replay.lines },
  };
}

function mergeByCalendar(segments: ExplainedSegment[]): ExplainedSegment[] {
  const runs: ExplainedSegment[][] = [];
  for (const segment of segments) {
    const run = runs[runs.length - 1];
    if (run && run[0].calendar === segment.calendar) run.push(segment);
    else runs.push([segment]);
  }
  return runs.flatMap((run) => mergeSegments(run).map((segment) => ({ ...segment, calendar: run[0].calendar, planned: run[0].planned })));
}
