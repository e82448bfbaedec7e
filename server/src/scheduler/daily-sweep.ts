import type { DataSource, EntityManager } from 'typeorm';
import { scheduleJob } from './job-runner';

/**
 * A sweep that runs once a day as a chain of timers, one batch each: today's first batch is scheduled at
 * start (once, however many processes start: the day is in the timer's key), a full batch schedules the next
 * one at once, the last one schedules tomorrow's at a quiet hour. Each batch is its own short transaction.
 */
export class DailySweep {
  constructor(
    readonly kind: string,
    private readonly hourUtc: number,
  ) {}

  private key(day: Date): string {
    return `${this.kind}:daily:${day.toISOString().slice(0, 10)}`;
  }

  async scheduleToday(dataSource: DataSource, now: Date): Promise<void> {
    await dataSource.transaction((manager) => scheduleJob(manager, { kind: this.kind, dueAt: now, dedupeKey: this.key(now) }, now));
  }

  /** After a batch: `last` is the batch's last row when it was full (more may wait), null when the sweep is done. */
  async scheduleNext(manager: EntityManager, now: Date, last: number | null): Promise<void> {
    if (last !== null) {
      await scheduleJob(manager, { kind: this.kind, dueAt: now, dedupeKey: `${this.kind}:after:${last}:${now.toISOString()}` }, now);
      return;
    }
    const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, this.hourUtc));
    await scheduleJob(manager, { kind: this.kind, dueAt: tomorrow, dedupeKey: this.key(tomorrow) }, now);
  }
}
