import type { DataSource, EntityManager } from 'typeorm';
import { ScheduledJob } from './entities/scheduled-job.entity';
import { LeasedQueue } from './leased-queue';

/** Does what a timer stands for, inside the transaction that marks it done: its effects happen at most once. */
export type JobHandler = (job: ScheduledJob, manager: EntityManager, now: Date) => Promise<void>;

export interface JobSchedule {
  kind: string;
  dueAt: Date;
  /** Same key, same timer: scheduling again changes nothing. Defaults to kind:subjectType:subjectId:dueAt. */
  dedupeKey?: string;
  subjectType?: string;
  subjectId?: number;
  payload?: Record<string, unknown>;
}

export interface SweepReport {
  done: number;
  failed: number;
  lost: number;
}

export const MAX_JOB_ATTEMPTS = 5;

/** Writes a timer in the caller's transaction; a second schedule with the same key is ignored. */
export async function scheduleJob(manager: EntityManager, schedule: JobSchedule, now: Date): Promise<void> {
  const dedupeKey = schedule.dedupeKey ?? [schedule.kind, schedule.subjectType ?? '', schedule.subjectId ?? '', schedule.dueAt.toISOString()].join(':');
  await manager
    .createQueryBuilder()
    .insert()
    .into(ScheduledJob)
    .values({ kind: schedule.kind, dueAt: schedule.dueAt, dedupeKey, subjectType: schedule.subjectType ?? null, subjectId: schedule.subjectId ?? null, payload: (schedule.payload ?? null) as never, state: 'pending', attempts: 0, createdAt: now })
    .orIgnore()
    // An ignored duplicate has no generated id to read back, which TypeORM would otherwise try to do.
    .updateEntity(false)
    .execute();
}

/** Cancels the pending timers of a kind on one subject (a stopped SLA clock, a closed request). */
export async function cancelJobs(manager: EntityManager, kind: string, subjectType: string, subjectId: number, now: Date): Promise<void> {
  await manager.createQueryBuilder().update(ScheduledJob).set({ state: 'cancelled', finishedAt: now }).where('kind = :kind AND subjectType = :subjectType AND subjectId = :subjectId AND state = :pending', { kind, subjectType, subjectId, pending: 'pending' }).execute();
}

/**
 * Works off every due timer: claims a batch, runs each handler in its own transaction, repeats until
 * nothing is due. Any number of processes may sweep at once; each timer goes to exactly one of them.
 */
export class JobRunner {
  readonly queue: LeasedQueue<ScheduledJob>;

  constructor(
    dataSource: DataSource,
    private readonly handlers: ReadonlyMap<string, JobHandler>,
    private readonly options: { batchSize: number; leaseMs: number; instance?: string } = { batchSize: 200, leaseMs: 60_000 },
  ) {
    this.queue = new LeasedQueue(dataSource, ScheduledJob, options.instance);
  }

  async sweep(clock: () => Date): Promise<SweepReport> {
    const report: SweepReport = { done: 0, failed: 0, lost: 0 };
    for (;;) {
      const batch = await this.queue.claim({ now: clock(), limit: this.options.batchSize, leaseMs: this.options.leaseMs });
      if (batch.length === 0) return report;
      for (const job of batch) await this.runOne(job, clock(), report);
    }
  }

  private async runOne(job: ScheduledJob, now: Date, report: SweepReport): Promise<void> {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for timers of kind "${job.kind}"`);
      const kept = await this.queue.complete(job, now, (manager) => handler(job, manager, now));
      if (kept) report.done++;
      else report.lost++;
    } catch (error) {
      report.failed++;
      await this.queue.fail(job, now, error, MAX_JOB_ATTEMPTS);
    }
  }
}
