import 'reflect-metadata';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditEntry } from '../../server/src/audit/audit-entry.entity';
import { dataSourceOptions } from '../../server/src/database/data-source-options';
import { ScheduledJob } from '../../server/src/scheduler/entities/scheduled-job.entity';
import { BatchJobHandler, JobRunner, scheduleJob } from '../../server/src/scheduler/job-runner';
import { retryDelayMs } from '../../server/src/scheduler/leased-queue';
import { createScratchDatabase, ScratchDatabase, testDatabases } from '../helpers/databases';

const T0 = new Date('2026-03-29T00:59:58.000Z');
const NOW = new Date(T0.getTime() + 5_000);
const KIND = 'sla.warning';

describe.each(testDatabases())('timers handled a claimed batch at a time on %s', (database) => {
  let scratch: ScratchDatabase;
  let source: DataSource;

  beforeAll(async () => {
    scratch = await createScratchDatabase(database);
    source = new DataSource(dataSourceOptions({ databaseUrl: scratch.url, driver: database === 'sqlite' ? 'sqlite' : 'mysql' }));
    await source.initialize();
    await source.runMigrations();
  });

  afterAll(async () => {
    await source?.destroy();
    await scratch?.drop();
  });

  beforeEach(async () => {
    await source.getRepository(ScheduledJob).clear();
    await source.getRepository(AuditEntry).clear();
    await source.transaction(async (manager) => {
      for (let subjectId = 1; subjectId <= 10; subjectId++) await scheduleJob(manager, { kind: KIND, subjectType: 'request', subjectId, dueAt: T0 }, T0);
    });
  });

  /** One audit line per job, so "at most once" is counted in the same database; `calls` records each call's subjects. */
  function auditingBatch(calls: number[][], poison: number | null): BatchJobHandler {
    return async (jobs, manager, now) => {
      calls.push(jobs.map((job) => job.subjectId as number));
      await manager.insert(
        AuditEntry,
        jobs.map((job) => ({ at: now, actorId: null, actorLogin: 'system', entityType: 'timer', entityId: String(job.subjectId), action: job.kind, changes: [] })),
      );
      if (jobs.some((job) => job.subjectId === poison)) throw new Error(`timer ${poison} is broken`);
    };
  }

  const auditedSubjects = async () => (await source.getRepository(AuditEntry).find()).map((entry) => Number(entry.entityId)).sort((a, b) => a - b);

  it('handles all claimed timers of the kind in one call and marks them all done', async () => {
    const calls: number[][] = [];
    const report = await new JobRunner(source, new Map(), { batchSize: 50, leaseMs: 60_000 }, new Map([[KIND, auditingBatch(calls, null)]])).sweep(() => NOW);
    expect(report).toEqual({ done: 10, failed: 0, lost: 0 });
    expect(calls).toHaveLength(1);
    expect(calls[0].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await auditedSubjects()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await source.getRepository(ScheduledJob).countBy({ state: 'done' })).toBe(10);
  });

  it('runs timers of kinds without a batch handler one by one, each done once, beside a batch of the kind that has one', async () => {
    await source.transaction(async (manager) => {
      for (let subjectId = 11; subjectId <= 13; subjectId++) await scheduleJob(manager, { kind: 'report.send', subjectType: 'report', subjectId, dueAt: T0 }, T0);
    });
    const calls: number[][] = [];
    const single: number[] = [];
    const auditingOne = async (job: ScheduledJob, manager: EntityManager, now: Date) => {
      single.push(job.subjectId as number);
      await manager.insert(AuditEntry, { at: now, actorId: null, actorLogin: 'system', entityType: 'timer', entityId: String(job.subjectId), action: job.kind, changes: [] });
    };
    const report = await new JobRunner(source, new Map([['report.send', auditingOne]]), { batchSize: 50, leaseMs: 60_000 }, new Map([[KIND, auditingBatch(calls, null)]])).sweep(() => NOW);
    expect(report).toEqual({ done: 13, failed: 0, lost: 0 });
    expect(calls.flat().sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(single.sort((a, b) => a - b)).toEqual([11, 12, 13]);
    expect(await auditedSubjects()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const jobs = await source.getRepository(ScheduledJob).find();
    expect(jobs.every((job) => job.state === 'done' && job.attempts === 1 && job.leaseUntil === null && job.owner !== null)).toBe(true);
  });

  it('falls back to one timer at a time when the batch fails: the broken one backs off, the others are done once', async () => {
    const calls: number[][] = [];
    const report = await new JobRunner(source, new Map(), { batchSize: 50, leaseMs: 60_000 }, new Map([[KIND, auditingBatch(calls, 3)]])).sweep(() => NOW);
    expect(report).toEqual({ done: 9, failed: 1, lost: 0 });
    // The whole batch first, then each timer alone.
    expect(calls).toHaveLength(11);
    expect(calls.slice(1).every((subjects) => subjects.length === 1)).toBe(true);
    // Nothing of the failed batch was kept, and the broken timer's own attempt was rolled back too.
    expect(await auditedSubjects()).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10]);
    const broken = await source.getRepository(ScheduledJob).findOneByOrFail({ subjectId: 3 });
    expect(broken).toMatchObject({ state: 'pending', attempts: 1, owner: null, lastError: 'timer 3 is broken' });
    expect(broken.dueAt.getTime()).toBe(NOW.getTime() + retryDelayMs(1));
    expect(await source.getRepository(ScheduledJob).countBy({ state: 'done' })).toBe(9);
  });

  it('keeps nothing of a batch when another process has taken over one of its timers', async () => {
    const runner = new JobRunner(source, new Map(), { batchSize: 50, leaseMs: 60_000, instance: 'here' });
    const claimed = await runner.queue.claim({ now: NOW, limit: 50, leaseMs: 60_000 });
    expect(claimed).toHaveLength(10);
    // As after this process stalled past its lease: another sweeper re-claimed timer 4.
    await source.getRepository(ScheduledJob).update({ subjectId: 4 }, { owner: 'there#1' });
    let ran = false;
    const kept = await runner.queue.completeAll(claimed, NOW, async (manager) => {
      ran = true;
      await manager.insert(AuditEntry, { at: NOW, actorId: null, actorLogin: 'system', entityType: 'timer', entityId: 'batch', action: KIND, changes: [] });
    });
    expect({ kept, ran }).toEqual({ kept: false, ran: false });
    expect(await source.getRepository(AuditEntry).count()).toBe(0);
    expect(await source.getRepository(ScheduledJob).countBy({ state: 'running', id: In(claimed.map((job) => job.id)) })).toBe(10);
  });
});
