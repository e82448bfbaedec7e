import type { EntityManager } from 'typeorm';
import { ScheduledJob } from '../../server/src/scheduler/entities/scheduled-job.entity';
import { SlaClock } from '../../server/src/sla/entities/sla-clock.entity';
import { SlaLedgerEntry } from '../../server/src/sla/entities/sla-ledger-entry.entity';
import { SLA_BREACH, SLA_WARNING } from '../../server/src/sla/sla-clocks';

/** A request whose reaction clock started at `started` on a 24x7 calendar, so its deadline is `started + target`. */
export interface RunningClock {
  requestId: number;
  priority: number;
  started: Date;
  targetMs: number;
  warningPercent: number;
}

/**
 * The rows `SlaClocks.startClocks` writes for such requests under a policy with a reaction target only
 * (two ledger starts, a running reaction clock with its warning and breach timers, a resolution clock
 * without a deadline), written with a few multi-row INSERTs where the service writes some twenty rows
 * one at a time per request. Tests that use it compare one request against the service's own rows first.
 */
export async function insertRunningClocks(manager: EntityManager, policy: { id: number; calendarId: number }, clocks: RunningClock[], now: Date, chunk = 1000): Promise<void> {
  for (let first = 0; first < clocks.length; first += chunk) {
    const part = clocks.slice(first, first + chunk);
    const ledger = part.flatMap(({ requestId, priority, started }) =>
      ['reaction', 'resolution'].map((clock) => ({ requestId, clock, type: 'start' as const, at: started, policyId: policy.id, priority, calendarId: policy.calendarId, deadline: null, reason: null, actorId: null })),
    );
    await manager.createQueryBuilder().insert().into(SlaLedgerEntry).values(ledger).execute();
    const revisions = new Map<number, number>();
    const rows: { requestId: number; id: number }[] = await manager
      .createQueryBuilder(SlaLedgerEntry, 'l')
      .select('l.requestId', 'requestId')
      .addSelect('MAX(l.id)', 'id')
      .where('l.requestId IN (:...ids)', { ids: part.map((clock) => clock.requestId) })
      .groupBy('l.requestId')
      .getRawMany();
    for (const row of rows) revisions.set(Number(row.requestId), Number(row.id));
    const states = part.flatMap(({ requestId, priority, started, targetMs, warningPercent }) => {
      const revision = revisions.get(requestId) as number;
      const deadline = new Date(started.getTime() + targetMs);
      return [
        { requestId, clock: 'reaction', policyId: policy.id, state: 'running' as const, priority, deadline, warningAt: new Date(started.getTime() + (targetMs * warningPercent) / 100), revision, updatedAt: now },
        { requestId, clock: 'resolution', policyId: policy.id, state: 'running' as const, priority, deadline: null, warningAt: null, revision, updatedAt: now },
      ];
    });
    await manager.createQueryBuilder().insert().into(SlaClock).values(states).execute();
    const timers = states
      .filter((state) => state.deadline !== null)
      .flatMap((state) => {
        const payload = { clock: state.clock, deadline: (state.deadline as Date).toISOString() };
        const timer = (kind: string, dueAt: Date) => ({ kind, dueAt, dedupeKey: `${kind}:${state.requestId}:${state.revision}:${state.clock}:${payload.deadline}`, subjectType: 'request', subjectId: state.requestId, payload: { ...payload }, state: 'pending' as const, attempts: 0, createdAt: now });
        return [timer(SLA_WARNING, state.warningAt as Date), timer(SLA_BREACH, state.deadline as Date)];
      });
    await manager.createQueryBuilder().insert().into(ScheduledJob).values(timers).execute();
  }
}

/** What the service or the helper wrote for one request, without ids and write times, for comparing the two. */
export async function clockRowsOf(manager: EntityManager, requestId: number): Promise<unknown> {
  const ledger = await manager.find(SlaLedgerEntry, { where: { requestId }, order: { id: 'ASC' } });
  const clocks = await manager.find(SlaClock, { where: { requestId }, order: { clock: 'ASC' } });
  const timers = await manager.find(ScheduledJob, { where: { subjectType: 'request', subjectId: requestId }, order: { dueAt: 'ASC' } });
  const firstLedgerId = ledger[0]?.id ?? 0;
  return {
    ledger: ledger.map(({ id: _id, requestId: _request, ...row }) => row),
    clocks: clocks.map(({ id: _id, requestId: _request, updatedAt: _at, revision, ...row }) => ({ ...row, revision: revision - firstLedgerId })),
    timers: timers.map((job) => ({ kind: job.kind, dueAt: job.dueAt, dedupeKey: job.dedupeKey.replace(/:\d+:\d+:/, ':#:#:'), payload: job.payload, state: job.state })),
  };
}
