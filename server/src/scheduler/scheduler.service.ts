import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { schedule, type ScheduledTask } from 'node-cron';
import { DataSource } from 'typeorm';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { BatchJobHandler, CallingJobHandler, JobHandler, JobRunner } from './job-runner';

/** Work done on every wake-up besides timers: draining the mail outbox, polling mailboxes. */
export type PeriodicWork = (now: () => Date) => Promise<unknown>;

/**
 * node-cron only wakes this service; what is due is read from timer rows, so a missed or doubled cron
 * tick (DST, a busy event loop, several processes) changes nothing. The first sweep runs at start, so
 * timers that fell due while every process was down fire then.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('scheduler');
  private readonly handlers = new Map<string, JobHandler | CallingJobHandler<unknown>>();
  private readonly batchHandlers = new Map<string, BatchJobHandler>();
  private readonly periodic = new Map<string, PeriodicWork>();
  private task: ScheduledTask | null = null;
  private runner: JobRunner | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
  ) {}

  /** Modules register the handlers of their timer kinds while they initialise. */
  register<Answer>(kind: string, handler: JobHandler | CallingJobHandler<Answer>): void {
    if (this.handlers.has(kind) || this.batchHandlers.has(kind)) throw new Error(`timer kind "${kind}" has two handlers`);
    this.handlers.set(kind, handler as JobHandler | CallingJobHandler<unknown>);
  }

  /** A kind whose due timers are handled a claimed batch at a time, in one transaction (see BatchJobHandler). */
  registerBatch(kind: string, handler: BatchJobHandler): void {
    if (this.handlers.has(kind) || this.batchHandlers.has(kind)) throw new Error(`timer kind "${kind}" has two handlers`);
    this.batchHandlers.set(kind, handler);
  }

  registerPeriodic(name: string, work: PeriodicWork): void {
    this.periodic.set(name, work);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.scheduler.enabled) return;
    // The process id in the owner tag tells which process holds a claimed timer (and which one died holding it).
    this.runner = new JobRunner(this.dataSource, this.handlers, { batchSize: 200, leaseMs: this.config.scheduler.leaseMs, instance: `p${process.pid}-${randomUUID().slice(0, 4)}` }, this.batchHandlers);
    await this.tick();
    this.task = schedule(this.config.scheduler.cron, () => this.tick(), { name: 'docket-sweeper', noOverlap: true });
  }

  async onModuleDestroy(): Promise<void> {
    await this.task?.destroy();
    this.task = null;
  }

  /** One wake-up: every due timer, then every periodic work. A failure is logged and retried at the next tick. */
  async tick(): Promise<void> {
    const clock = () => new Date();
    try {
      const report = await this.runner?.sweep(clock);
      if (report && report.done + report.failed + report.lost > 0) this.logger.log(`timers: ${report.done} done, ${report.failed} failed, ${report.lost} lost to another process`);
    } catch (error) {
      this.logger.error(`timer sweep failed: ${(error as Error).message}`);
    }
    for (const [name, work] of this.periodic) {
      try {
        await work(clock);
      } catch (error) {
        this.logger.error(`${name} failed: ${(error as Error).message}`);
      }
    }
  }
}
