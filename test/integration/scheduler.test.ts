import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource, type EntitySubscriberInterface, type QueryRunner } from 'typeorm';
import { AuditEntry } from '../../server/src/audit/audit-entry.entity';
import { dataSourceOptions } from '../../server/src/database/data-source-options';
import { ScheduledJob } from '../../server/src/scheduler/entities/scheduled-job.entity';
import { CallingJobHandler, cancelJobs, JobHandler, JobRunner, MAX_JOB_ATTEMPTS, scheduleJob, SweepReport } from '../../server/src/scheduler/job-runner';
import { retryDelayMs } from '../../server/src/scheduler/leased-queue';
import { createScratchDatabase, ScratchDatabase, testDatabases } from '../helpers/databases';

const T0 = new Date('2026-03-29T00:59:58.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** The handler's effect is an audit line, so "at most once" is counted in the same database. */
const auditing: JobHandler = async (job, manager, now) => {
  await manager.insert(AuditEntry, { at: now, actorId: null, actorLogin: 'system', entityType: 'timer', entityId: String(job.id), action: job.kind, changes: [] });
};

describe.each(testDatabases())('timers claimed under leases by several processes on %s', (database) => {
  let scratch: ScratchDatabase;
  const sources: DataSource[] = [];

  async function open(): Promise<DataSource> {
    const source = new DataSource(dataSourceOptions({ databaseUrl: scratch.url, driver: database === 'sqlite' ? 'sqlite' : 'mysql' }));
    await source.initialize();
    sources.push(source);
    return source;
  }

  beforeAll(async () => {
    scratch = await createScratchDatabase(database);
    const first = await open();
    await first.runMigrations();
  });

  /** Starts a second process sweeping; `ready` resolves once it is connected and about to sweep. */
  function sweepInAnotherProcess(clock: Date): { ready: Promise<void>; report: Promise<SweepReport> } {
    const args = [join(__dirname, '../helpers/sweep-process.js'), scratch.url, database === 'sqlite' ? 'sqlite' : 'mysql', 'there', clock.toISOString(), '50'];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    let signalReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (signalReady = resolve));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.startsWith('ready\n')) signalReady();
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const report = new Promise<SweepReport>((resolve, reject) =>
      child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output.split('\n')[1]) as SweepReport) : reject(new Error(errors || `exit ${code}`)))),
    );
    return { ready, report };
  }

  afterAll(async () => {
    for (const source of sources) await source.destroy();
    await scratch?.drop();
  });

  beforeEach(async () => {
    await sources[0].getRepository(ScheduledJob).clear();
    await sources[0].getRepository(AuditEntry).clear();
  });

  async function scheduleMany(count: number, kind = 'sla.breach'): Promise<void> {
    await sources[0].transaction(async (manager) => {
      for (let index = 0; index < count; index++) await scheduleJob(manager, { kind, subjectType: 'request', subjectId: index + 1, dueAt: at(index % 1000) }, T0);
    });
  }

  it('fires each of 1,000 due timers exactly once when two processes sweep at the same moment', async () => {
    await scheduleMany(1000);
    const clock = at(5_000);
    const otherProcess = sweepInAnotherProcess(clock);
    await otherProcess.ready;
    const slowly: JobHandler = async (job, manager, now) => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      await auditing(job, manager, now);
    };
    const here = await new JobRunner(sources[0], new Map([['sla.breach', slowly]]), { batchSize: 50, leaseMs: 60_000, instance: 'here' }).sweep(() => clock);
    const there = await otherProcess.report;
    expect(here.done + there.done).toBe(1000);
    // On MariaDB SKIP LOCKED lets both claim side by side. SQLite has one writer taken by busy-waiting: a process
    // whose short transactions follow one another can keep it until it has done everything, which is still right.
    if (database !== 'sqlite') {
      expect(here.done).toBeGreaterThan(0);
      expect(there.done).toBeGreaterThan(0);
    }
    expect(here.failed + there.failed + here.lost + there.lost).toBe(0);
    const [{ entries, subjects }] = await sources[0].query(`SELECT COUNT(*) AS entries, COUNT(DISTINCT entityId) AS subjects FROM audit_entries WHERE entityType = 'timer'`);
    expect(Number(entries)).toBe(1000);
    expect(Number(subjects)).toBe(1000);
    expect(await sources[0].getRepository(ScheduledJob).countBy({ state: 'done' })).toBe(1000);
  });

  it('leaves timers that are not yet due, and ignores scheduling the same timer twice', async () => {
    await sources[0].transaction(async (manager) => {
      await scheduleJob(manager, { kind: 'sla.warning', subjectType: 'request', subjectId: 7, dueAt: at(60_000) }, T0);
      await scheduleJob(manager, { kind: 'sla.warning', subjectType: 'request', subjectId: 7, dueAt: at(60_000) }, T0);
    });
    expect(await sources[0].getRepository(ScheduledJob).count()).toBe(1);
    const runner = new JobRunner(sources[0], new Map([['sla.warning', auditing]]));
    expect(await runner.sweep(() => at(59_999))).toEqual({ done: 0, failed: 0, lost: 0 });
    expect(await runner.sweep(() => at(60_000))).toEqual({ done: 1, failed: 0, lost: 0 });
  });

  it('hands the timers of a process that died to another one after the lease, and refuses the late finish', async () => {
    await scheduleMany(30);
    const dying = new JobRunner(sources[0], new Map([['sla.breach', auditing]]), { batchSize: 30, leaseMs: 10_000, instance: 'dying' });
    const claimedByTheDead = await dying.queue.claim({ now: at(1_000), limit: 30, leaseMs: 10_000 });
    expect(claimedByTheDead).toHaveLength(30);

    const survivor = new JobRunner(sources[0], new Map([['sla.breach', auditing]]), { batchSize: 10, leaseMs: 10_000, instance: 'survivor' });
    expect((await survivor.sweep(() => at(5_000))).done).toBe(0);
    expect((await survivor.sweep(() => at(12_000))).done).toBe(30);

    const lateFinish = await dying.queue.complete(claimedByTheDead[0], at(13_000), (manager) => auditing(claimedByTheDead[0], manager, at(13_000)));
    expect(lateFinish).toBe(false);
    expect(await sources[0].getRepository(AuditEntry).countBy({ entityType: 'timer' })).toBe(30);
  });

  it('makes a calling handler\'s call before its transaction and records the answer in the one that marks the timer done', async () => {
    await scheduleMany(2, 'webhook.call');
    const calls: number[] = [];
    const openDuringCalls: number[] = [];
    // The transactions that mark a timer done, which begin with that UPDATE: none may be open during a call. (The
    // sweep's claim of its next batch may well be, on a connection of its own.)
    const completing = new Set<QueryRunner>();
    const watcher: EntitySubscriberInterface = {
      beforeQuery: ({ query, parameters, queryRunner }) => void (/^UPDATE/.test(query) && Array.isArray(parameters) && parameters.includes('done') && completing.add(queryRunner)),
      afterTransactionCommit: ({ queryRunner }) => void completing.delete(queryRunner),
      afterTransactionRollback: ({ queryRunner }) => void completing.delete(queryRunner),
    };
    sources[0].subscribers.push(watcher);
    const calling: CallingJobHandler<string> = {
      call: async (job) => {
        calls.push(job.id);
        openDuringCalls.push(completing.size);
        if (calls.length === 2) throw new Error('host unreachable');
        return `answered ${job.id}`;
      },
      record: async (job, answer, manager, now) => {
        await manager.insert(AuditEntry, { at: now, actorId: null, actorLogin: 'system', entityType: 'timer', entityId: String(job.id), action: answer, changes: [] });
      },
    };
    const report = await new JobRunner(sources[0], new Map([['webhook.call', calling]]), { batchSize: 10, leaseMs: 60_000 }).sweep(() => at(10));
    sources[0].subscribers.splice(sources[0].subscribers.indexOf(watcher), 1);
    expect(report).toMatchObject({ done: 1, failed: 1 });
    expect(openDuringCalls).toEqual([0, 0]);
    const [answered, failed] = calls;
    expect((await sources[0].getRepository(AuditEntry).findBy({ entityType: 'timer', entityId: String(answered) })).map((entry) => entry.action)).toEqual([`answered ${answered}`]);
    expect(await sources[0].getRepository(AuditEntry).countBy({ entityType: 'timer', entityId: String(failed) })).toBe(0);
    expect(await sources[0].getRepository(ScheduledJob).findOneByOrFail({ id: failed })).toMatchObject({ state: 'pending', attempts: 1, lastError: 'host unreachable' });
  });

  it('retries a failing handler with growing delays, rolls back its effects, and gives up after the last attempt', async () => {
    await scheduleMany(1, 'report.send');
    let calls = 0;
    const failing: JobHandler = async (job, manager, now) => {
      calls++;
      await auditing(job, manager, now);
      throw new Error('SMTP said no');
    };
    const runner = new JobRunner(sources[0], new Map([['report.send', failing]]), { batchSize: 10, leaseMs: 1_000 });
    let now = at(0);
    expect((await runner.sweep(() => now)).failed).toBe(1);
    const retried = await sources[0].getRepository(ScheduledJob).findOneByOrFail({ kind: 'report.send' });
    expect(retried).toMatchObject({ state: 'pending', attempts: 1, lastError: 'SMTP said no' });
    expect(retried.dueAt.getTime()).toBe(now.getTime() + retryDelayMs(1));
    for (let attempt = 2; attempt <= MAX_JOB_ATTEMPTS; attempt++) {
      now = new Date(now.getTime() + retryDelayMs(attempt - 1));
      await runner.sweep(() => now);
    }
    expect(calls).toBe(MAX_JOB_ATTEMPTS);
    expect(await sources[0].getRepository(ScheduledJob).findOneByOrFail({ kind: 'report.send' })).toMatchObject({ state: 'failed', attempts: MAX_JOB_ATTEMPTS });
    expect(await sources[0].getRepository(AuditEntry).count()).toBe(0);
  });

  it('cancels the pending timers of one subject only', async () => {
    await scheduleMany(3, 'request.autoclose');
    await sources[0].transaction((manager) => cancelJobs(manager, 'request.autoclose', 'request', 2, T0));
    const states = (await sources[0].getRepository(ScheduledJob).find({ order: { subjectId: 'ASC' } })).map((job) => job.state);
    expect(states).toEqual(['pending', 'cancelled', 'pending']);
  });
});
