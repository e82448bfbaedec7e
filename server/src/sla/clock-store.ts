import type { EntityManager } from 'typeorm';
import { computeClock, type ClockEvent, type ClockResult, type WorkCalendar } from '../../../rules/index';
import { badRequest } from '../common/docket-error';
import { calendarIdsOf, calendarKey, toClockEvent } from './clock-replay';
import { SlaLedgerEntry } from './entities/sla-ledger-entry.entity';
import { SlaPolicy } from './entities/sla-policy.entity';
import { targetsOf } from './policy-rules';
import { currentCalendars, currentPolicies } from './sla-configuration';

export interface EvaluatedClock {
  clock: string;
  policy: SlaPolicy;
  /** The last ledger entry of the request: timers scheduled from this evaluation carry it. */
  revision: number;
  result: ClockResult;
}

/** A change that is computed but never written: the what-if of a priority or a calendar. */
export interface Hypothesis {
  at: Date;
  priority?: number;
  calendarId?: number;
}

export async function ledgerOf(manager: EntityManager, requestId: number): Promise<SlaLedgerEntry[]> {
  return manager.find(SlaLedgerEntry, { where: { requestId }, order: { id: 'ASC' } });
}

export async function calendarsById(manager: EntityManager, ids: number[]): Promise<Record<string, WorkCalendar>> {
  const known = await currentCalendars(manager);
  const rows = ids.flatMap((id) => known.get(id) ?? []);
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) throw badRequest('unknown_reference', `Calendar ${missing.join(', ')} does not exist`, [{ path: 'calendarId', message: 'unknown calendar' }]);
  return Object.fromEntries(rows.map((row) => [calendarKey(row.id), row.definition]));
}

/** Replays every clock of a request from its ledger (plus a hypothesis, if given) as of `now`. */
export async function evaluateClocks(manager: EntityManager, requestId: number, now: Date, hypothesis?: Hypothesis): Promise<EvaluatedClock[]> {
  return evaluateLedger(manager, await ledgerOf(manager, requestId), now, undefined, hypothesis);
}

/** Replays a ledger already read (oldest first); `known` policies are not read again. */
export async function evaluateLedger(manager: EntityManager, rows: SlaLedgerEntry[], now: Date, known?: ReadonlyMap<number, SlaPolicy>, hypothesis?: Hypothesis): Promise<EvaluatedClock[]> {
  if (!rows.length) return [];
  const byClock = new Map<string, SlaLedgerEntry[]>();
  for (const row of rows) byClock.set(row.clock, [...(byClock.get(row.clock) ?? []), row]);
  const policyIdOf = (clockRows: SlaLedgerEntry[]) => clockRows.filter((row) => row.type === 'start').at(-1)?.policyId as number;
  const policyIds = [...new Set([...byClock.values()].map(policyIdOf))];
  const policies = known && policyIds.every((id) => known.has(id)) ? known : await currentPolicies(manager);
  const calendars = await calendarsById(manager, [...new Set([...calendarIdsOf(rows), ...(hypothesis?.calendarId === undefined ? [] : [hypothesis.calendarId])])]);
  const revision = rows[rows.length - 1].id;
  return [...byClock.entries()].map(([clock, clockRows]) => {
    const policy = policies.get(policyIdOf(clockRows)) as SlaPolicy;
    const events: ClockEvent[] = clockRows.map(toClockEvent);
    if (hypothesis) events.push(...hypotheticalEvents(hypothesis));
    const result = computeClock({ events, targets: targetsOf(policy, clock), calendars, warningPercent: policy.warningPercent, now: now.getTime() });
    return { clock, policy, revision, result };
  });
}

function hypotheticalEvents(hypothesis: Hypothesis): ClockEvent[] {
  const at = hypothesis.at.getTime();
  const events: ClockEvent[] = [];
  if (hypothesis.priority !== undefined) events.push({ type: 'priority', at, priority: hypothesis.priority });
  if (hypothesis.calendarId !== undefined) events.push({ type: 'calendar', at, calendar: calendarKey(hypothesis.calendarId) });
  return events;
}
