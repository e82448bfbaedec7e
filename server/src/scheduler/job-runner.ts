import type { DataSource, EntityManager } from 'typeorm';
import { insertRows } from '../database/plain-rows';
import { ScheduledJob } from './entities/scheduled-job.entity';
import { LeasedQueue } from './leased-queue';

/** Does what a timer stands for, inside the transaction that marks it done: its effects happen at most once. */
export type JobHandler = (job: ScheduledJob, manager: EntityManager, now: Date) => Promise<void>;

/**
 * A timer whose work is a call to another host (a webhook): the call is made before the transaction opens, so
 * no connection, lock or SQLite's single writer waits on a remote answer; what it answered is then recorded in
 * the transaction that marks the timer done. A process dying between the two repeats the call.
 */
export interface CallingJobHandler<Answer> {
  call(job: ScheduledJob): Promise<Answer>;
  record(job: ScheduledJob, answer: Answer, manager: EntityManager, now: Date): Promise<void>;
}

/**
 * Does what all claimed timers of one kind stand for, in one transaction that marks them all done: set-based
 * reads and multi-row writes instead of a transaction per timer. Must act on each job exactly as it would on
 * that job alone, since a failed batch is retried job by job.
 */
export type BatchJobHandler = (jobs: ScheduledJob[], manager: EntityManager, now: Date) => Promise<void>;

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

/** The jobs grouped by kind, in the order each kind first appears. */
function byKind(jobs: readonly ScheduledJob[]): Map<string, ScheduledJob[]> {
  const groups = new Map<string, ScheduledJob[]>();
  for (const job of jobs) {
    const same = groups.get(job.kind);
    if (same) same.push(job);
    else groups.set(job.kind, [job]);
  }
  return groups;
}

/** Writes a timer in the caller's transaction; a second schedule with the same key is ignored. */
export async function scheduleJob(manager: EntityManager, schedule: JobSchedule, now: Date): Promise<void> {
  await scheduleJobs(manager, [schedule], now);
}

/** Several timers in one statement, each as scheduleJob writes it. */
export async function scheduleJobs(manager: EntityManager, schedules: readonly JobSchedule[], now: Date): Promise<void> {
  const rows = schedules.map((schedule) => {
    const dedupeKey = schedule.dedupeKey ?? [schedule.kind, schedule.subjectType ?? '', schedule.subjectId ?? '', schedule.dueAt.toISOString()].join(':');
    return { kind: schedule.kind, dueAt: schedule.dueAt, dedupeKey, subjectType: schedule.subjectType ?? null, subjectId: schedule.subjectId ?? null, payload: schedule.payload ?? null, state: 'pending' as const, attempts: 0, createdAt: now };
  });
  await insertRows(manager, ScheduledJob, rows, { ignore: true });
}

/** Cancels the pending timers of a kind on one subject (a stopped SLA clock, a closed request). */
export async function cancelJobs(manager: EntityManager, kind: string, subjectType: string, subjectId: number, now: Date): Promise<void> {
  await manager.createQueryBuilder().update(ScheduledJob).set({ state: 'cancelled', finishedAt: now }).where('kind = :kind AND subjectType = :subjectType AND subjectId = :subjectId AND state = :pending', { kind, subjectType, subjectId, pending: 'pending' }).execute();
}

/**
 * Works off every due timer: claims a batch, runs each handler in its own transaction (or, for kinds with a
 * batch handler, all the batch's timers of that kind in one, on MariaDB/MySQL the very transaction that claims
 * them), repeats until nothing is due. Any number of processes may sweep at once; each timer goes to exactly
 * one of them.
 */
export class JobRunner {
  readonly queue: LeasedQueue<ScheduledJob>;

  constructor(
    dataSource: DataSource,
    private readonly handlers: ReadonlyMap<string, JobHandler | CallingJobHandler<unknown>>,
    private readonly options: { batchSize: number; leaseMs: number; instance?: string } = { batchSize: 200, leaseMs: 60_000 },
    private readonly batchHandlers: ReadonlyMap<string, BatchJobHandler> = new Map(),
  ) {
    this.queue = new LeasedQueue(dataSource, ScheduledJob, options.instance);
  }

  async sweep(clock: () => Date): Promise<SweepReport> {
    const report: SweepReport = { done: 0, failed: 0, lost: 0 };
    if (this.queue.claimsAlongside && this.batchHandlers.size) await this.sweepLocked(clock, report);
    await this.sweepLeased(clock, report);
    return report;
  }

  /**
   * Where claims lock rows, timers of kinds with a batch handler are handled in the transaction that claims them:
   * one write per timer instead of a lease and then a completion. Timers of other kinds come out of it leased and
   * run one by one, as do a failed batch's timers, so that a bad one fails (and backs off) alone.
   */
  private async sweepLocked(clock: () => Date, report: SweepReport): Promise<void> {
    const { batchSize: limit, leaseMs } = this.options;
    for (;;) {
      const now = clock();
      let attempted: ScheduledJob[] = [];
      let claimed: { completed: ScheduledJob[]; leased: ScheduledJob[] };
      try {
        claimed = await this.queue.claimLocked({ now, limit, leaseMs }, (jobs, manager) => {
          attempted = jobs;
          return this.runBatches(jobs, manager, now);
        });
      } catch (error) {
        if (!attempted.length) throw error;
        for (const job of await this.queue.claimRows(attempted, { now: clock(), leaseMs })) await this.runOne(job, clock(), report);
        continue;
      }
      if (!claimed.completed.length && !claimed.leased.length) return;
      report.done += claimed.completed.length;
      for (const job of claimed.leased) await this.runOne(job, clock(), report);
    }
  }

  /** The jobs of kinds with a batch handler, handled in the caller's transaction; answers those it handled. */
  private async runBatches(jobs: readonly ScheduledJob[], manager: EntityManager, now: Date): Promise<ScheduledJob[]> {
    const handled: ScheduledJob[] = [];
    for (const [kind, same] of byKind(jobs)) {
      const handler = this.batchHandlers.get(kind);
      if (!handler) continue;
      await handler(same, manager, now);
      handled.push(...same);
    }
    return handled;
  }

  /** Claims with a lease, then runs each claimed batch (a batch handler's kinds in one transaction per kind). */
  private async sweepLeased(clock: () => Date, report: SweepReport): Promise<void> {
    const claim = () => this.queue.claim({ now: clock(), limit: this.options.batchSize, leaseMs: this.options.leaseMs });
    // Where claims run on connections of their own, the next batch is claimed while this one is handled, which
    // takes the claim's round trips off the path; the sweep ends when the claim ahead finds nothing.
    const ahead = this.queue.claimsAlongside;
    let next = claim();
    for (;;) {
      const batch = await next;
      if (batch.length === 0) return;
      if (ahead) {
        next = claim();
        // Until it is awaited, a failed claim ahead must not count as unhandled; awaiting it still throws.
        next.catch(() => undefined);
      }
      for (const [kind, jobs] of byKind(batch)) {
        const batchHandler = this.batchHandlers.get(kind);
        if (batchHandler && jobs.length > 1 && (await this.runBatch(jobs, batchHandler, clock(), report))) continue;
        for (const job of jobs) await this.runOne(job, clock(), report);
      }
      if (!ahead) next = claim();
    }
  }

  /**
   * All of a kind's jobs in one transaction. False when that failed or the lease no longer holds them all:
   * nothing was kept, and the caller runs them one by one, so one bad timer fails (and backs off) alone.
   */
  private async runBatch(jobs: ScheduledJob[], handler: BatchJobHandler, now: Date, report: SweepReport): Promise<boolean> {
    try {
      if (!(await this.queue.completeAll(jobs, now, (manager) => handler(jobs, manager, now)))) return false;
    } catch {
      return false;
    }
    report.done += jobs.length;
    return true;
  }

  private async runOne(job: ScheduledJob, now: Date, report: SweepReport): Promise<void> {
    const batchHandler = this.batchHandlers.get(job.kind);
    const handler = this.handlers.get(job.kind) ?? (batchHandler && ((one: ScheduledJob, manager: EntityManager, at: Date) => batchHandler([one], manager, at)));
    try {
      if (!handler) throw new Error(`no handler for timers of kind "${job.kind}"`);
      let work = handler as JobHandler;
      if (typeof handler !== 'function') {
        const answer = await handler.call(job);
        work = (called, manager, at) => handler.record(called, answer, manager, at);
      }
      const kept = await this.queue.complete(job, now, (manager) => work(job, manager, now));
      if (kept) report.done++;
      else report.lost++;
    } catch (error) {
      report.failed++;
      await this.queue.fail(job, now, error, MAX_JOB_ATTEMPTS);
    }
  }
}
