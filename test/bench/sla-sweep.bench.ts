/**
 * The SLA timer sweep on MariaDB: 1,000,000 open requests' timers pending in the future as background
 * load, and 10,000 warnings falling due at once, worked off by two sweeper processes running the real
 * handlers (breach record, audit line, two mails in the outbox, in-app notifications; the breach timer
 * that follows each warning stays scheduled). Printed: the total time, the due→commit lag p99, the
 * sweepers' CPU time, and the ratio of that p99 to a bare loop's that only claims the same rows with SKIP
 * LOCKED in batches of 200 and marks them done, measured in the same run: BENCH_ROUNDS rounds (3) of both,
 * in alternating order, compared by their medians. Goal: ≤ 3× the loop, all 10,000 handled in < 5 s, no
 * duplicates (checked after every round).
 *
 * Its own database, `docket_bench_sweep`, dropped at the end. With BENCH_KEEP=1 it is kept, and the next run
 * with BENCH_KEEP=1 reuses its timers (the effects of the last run deleted, the due timers put back) instead
 * of loading them again — while the warnings are still before their deadlines (within 15 minutes of the load).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import 'reflect-metadata';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../server/src/database/data-source-options';
import { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { SlaCalendar } from '../../server/src/sla/entities/sla-calendar.entity';
import { SlaPolicy } from '../../server/src/sla/entities/sla-policy.entity';
import { SLA_BREACH, SLA_WARNING } from '../../server/src/sla/sla-clocks';
import { insertRunningClocks } from '../helpers/sla-timer-data';
import { insertUser, insertWorkgroup, requestRow } from '../integration/sla-fixtures';

const SERVER = (process.env.DOCKET_TEST_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/^mariadb:/, 'mysql:');
const DATABASE = 'docket_bench_sweep';
const URL = `${SERVER}/${DATABASE}`;
const BACKGROUND = Number(process.env.BENCH_TIMERS ?? 1_000_000);
const DUE = Number(process.env.BENCH_DUE ?? 10_000);
const BATCH = 200;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** A pause before each timed sweep, so the purge of the reset's writes does not fall on one loop more than the other. */
const SETTLE_MS = 2000;
const HOUR = 3_600_000;

jest.setTimeout(60 * 60 * 1000);

interface SweepResult {
  done: number;
  failed: number;
  lost: number;
  startedAt: number;
  finishedAt: number;
  cpuMs: number;
  lags: number[];
}

interface Run {
  totalMs: number;
  p50: number;
  p99: number;
  cpuMs: number;
  done: number;
  failed: number;
  lost: number;
}

const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))] ?? 0;

/** Starts a sweeper process, resolving once it is connected and waiting for the word. */
function sweeper(instance: string, mode: 'sla' | 'bare'): Promise<{ child: ChildProcess; result: Promise<SweepResult> }> {
  const profiles = process.env.DOCKET_SERVER_CPU_PROFILES;
  const child = spawn(process.execPath, [...(profiles ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : []), join(__dirname, '../helpers/sweep-process.js'), URL, 'mysql', instance, 'now', String(BATCH), mode], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const result = new Promise<SweepResult>((resolve, reject) =>
    child.once('exit', (code) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`sweeper ${instance} exited with ${code}: ${errors}`));
      else resolve(JSON.parse(line) as SweepResult);
    }),
  );
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const before = output;
      output += chunk.toString();
      if (!before.includes('ready\n') && output.includes('ready\n')) resolve({ child, result });
    });
    result.catch(reject);
  });
}

/** Makes the due timers due now, lets two sweepers loose on them at the same moment, and times them. */
async function run(dataSource: DataSource, mode: 'sla' | 'bare', dueIds: number[]): Promise<Run> {
  const workers = await Promise.all([sweeper(`${mode}-1`, mode), sweeper(`${mode}-2`, mode)]);
  const dueAt = new Date();
  for (let first = 0; first < dueIds.length; first += 5000) {
    await dataSource.query('UPDATE scheduled_jobs SET dueAt = ? WHERE id IN (' + dueIds.slice(first, first + 5000).join(',') + ')', [dueAt]);
  }
  for (const { child } of workers) child.stdin!.write('go\n');
  const results = await Promise.all(workers.map((worker) => worker.result));
  const lags = results.flatMap((result) => result.lags);
  return {
    totalMs: Math.max(...results.map((result) => result.finishedAt)) - dueAt.getTime(),
    p50: percentile(lags, 0.5),
    p99: percentile(lags, 0.99),
    cpuMs: results.reduce((sum, result) => sum + result.cpuMs, 0),
    done: results.reduce((sum, result) => sum + result.done, 0),
    failed: results.reduce((sum, result) => sum + result.failed, 0),
    lost: results.reduce((sum, result) => sum + result.lost, 0),
  };
}

/** The background: future timers of a million other open requests, in multi-row INSERTs straight through mysql2. */
async function insertBackground(dataSource: DataSource, now: Date): Promise<void> {
  const connection = await createConnection(URL);
  const chunk = 5000;
  const started = Date.now();
  const at = (instant: number) => new Date(instant).toISOString().replace('T', ' ').replace('Z', '');
  for (let first = 0; first < BACKGROUND; first += chunk) {
    const rows: string[] = [];
    for (let index = first; index < Math.min(first + chunk, BACKGROUND); index++) {
      const kind = index % 2 === 0 ? SLA_WARNING : SLA_BREACH;
      const subjectId = 10_000_000 + Math.floor(index / 2);
      const deadline = new Date(now.getTime() + 2 * HOUR + Math.floor(index / 2) * 1000).toISOString();
      const dueAt = now.getTime() + 2 * HOUR + index * 500;
      rows.push(connection.format("(?, 'pending', ?, 0, ?, 'request', ?, ?, ?)", [kind, at(dueAt), at(now.getTime()), subjectId, `${kind}:${subjectId}:1:reaction:${deadline}`, JSON.stringify({ clock: 'reaction', deadline })]));
    }
    await connection.query(`INSERT INTO scheduled_jobs (kind, state, dueAt, attempts, createdAt, subjectType, subjectId, dedupeKey, payload) VALUES ${rows.join(',')}`);
    if ((first / chunk) % 40 === 0) process.stdout.write(`  background: ${first} timers in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
  await connection.end();
  await dataSource.query('ANALYZE TABLE scheduled_jobs');
}

/** A kept data set is usable while its clocks' deadlines are minutes away: a warning past its deadline is dropped, unhandled. */
async function stillFresh(admin: Awaited<ReturnType<typeof createConnection>>): Promise<boolean> {
  try {
    const [rows] = await admin.query(`SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), MIN(deadline)) AS s FROM \`${DATABASE}\`.sla_clocks`);
    return Number((rows as { s: number | null }[])[0]?.s ?? 0) > 120;
  } catch {
    return false;
  }
}

describe('the SLA sweep over a million timers', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const admin = await createConnection(SERVER);
    if (process.env.BENCH_KEEP !== '1' || !(await stillFresh(admin))) await admin.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``);
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    dataSource = new DataSource(dataSourceOptions({ databaseUrl: URL, driver: 'mysql' }));
    await dataSource.initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    if (process.env.BENCH_KEEP === '1') return;
    const admin = await createConnection(SERVER);
    await admin.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``);
    await admin.end();
  });

  /** The due timers of a kept database (each round deletes the last run's effects); none when there is no complete one. */
  async function reusable(): Promise<number[]> {
    const [{ n: background }] = await dataSource.query('SELECT COUNT(*) AS n FROM scheduled_jobs WHERE subjectId >= 10000000');
    const dueIds = (await dataSource.query('SELECT id FROM scheduled_jobs WHERE kind = ? AND subjectId < 10000000 ORDER BY id', [SLA_WARNING])).map((row: { id: number }) => Number(row.id));
    if (Number(background) !== BACKGROUND || dueIds.length !== DUE) {
      if (Number(background) > 0) throw new Error(`${DATABASE} holds another data set: drop it, or run without BENCH_KEEP`);
      return [];
    }
    process.stdout.write(`  reusing the kept ${DATABASE}\n`);
    return dueIds;
  }

  /** The due timers pending again and the effects of their last handling deleted, then a pause for MariaDB's purge of what that wrote. */
  async function resetRun(dueIds: number[]): Promise<void> {
    for (const table of ['sla_breaches', 'outbox_messages', 'notifications']) await dataSource.query(`DELETE FROM ${table}`);
    await dataSource.query("DELETE FROM audit_entries WHERE action = 'sla.warning'");
    await resetTimers(dueIds);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  }

  async function resetTimers(dueIds: number[]): Promise<void> {
    for (let first = 0; first < dueIds.length; first += 5000) {
      await dataSource.query(`UPDATE scheduled_jobs SET state = 'pending', owner = NULL, leaseUntil = NULL, finishedAt = NULL, attempts = 0 WHERE id IN (${dueIds.slice(first, first + 5000).join(',')})`);
    }
  }

  /** Users, a policy, 10,000 requests with due warnings and the million background timers; the ids of the due ones. */
  async function load(): Promise<number[]> {
    const now = new Date();
    const manager = await insertUser(dataSource.manager, 'duty-manager');
    const assignees: number[] = [];
    for (let index = 0; index < 20; index++) assignees.push(await insertUser(dataSource.manager, `engineer${index}`));
    await insertWorkgroup(dataSource.manager, 'line1', manager, null, assignees);
    const calendar = await dataSource.getRepository(SlaCalendar).save({ code: '24x7', name: '24x7', definition: { timeZone: 'Europe/Moscow', workingDays: [1, 2, 3, 4, 5, 6, 7] }, createdAt: now, updatedAt: now });
    const policy = await dataSource.getRepository(SlaPolicy).save({ code: 'hour', name: 'One hour', active: true, rank: 1, condition: null, calendarId: calendar.id, targets: { '2': { reactionMinutes: 60 } }, stepLimits: {}, clockRules: [], warningPercent: 75, createdAt: now, updatedAt: now });

    // 10,000 requests whose reaction clock started 45 minutes ago: each warning is due, each breach 15 minutes away.
    const requestIds: number[] = [];
    for (let first = 0; first < DUE; first += 1000) {
      const rows = Array.from({ length: Math.min(1000, DUE - first) }, (_, index) => requestRow(dataSource.manager, { topicId: 1, priority: 2, assigneeId: assignees[(first + index) % assignees.length], subject: `Request ${first + index}` }));
      const { identifiers } = await dataSource.createQueryBuilder().insert().into(CustomerRequest).values(rows as never).execute();
      requestIds.push(...identifiers.map((identifier) => Number(identifier.id)));
    }
    await dataSource.transaction((tx) => insertRunningClocks(tx, policy, requestIds.map((requestId) => ({ requestId, priority: 2, started: new Date(now.getTime() - 45 * 60_000), targetMs: HOUR, warningPercent: 75 })), now));
    await insertBackground(dataSource, now);
    return (await dataSource.query('SELECT id FROM scheduled_jobs WHERE kind = ? AND subjectId < 10000000 ORDER BY id', [SLA_WARNING])).map((row: { id: number }) => Number(row.id));
  }

  it(`handles ${DUE} due warnings among ${BACKGROUND} timers with two sweepers`, async () => {
    const kept = process.env.BENCH_KEEP === '1' ? await reusable() : [];
    const dueIds = kept.length ? kept : await load();
    expect(dueIds).toHaveLength(DUE);

    // Rounds of both loops, in alternating order, so drift in the machine's speed falls on both; figures are medians.
    const runs: Record<'bare' | 'sla', Run[]> = { bare: [], sla: [] };
    const lines: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of round % 2 === 0 ? (['bare', 'sla'] as const) : (['sla', 'bare'] as const)) {
        await resetRun(dueIds);
        const result = await run(dataSource, mode, dueIds);
        expect(result).toMatchObject({ done: DUE, failed: 0 });
        if (mode === 'sla') await expectEffectsOnce();
        runs[mode].push(result);
        lines.push(`    round ${round + 1}, ${mode === 'sla' ? 'real handlers: ' : 'claim-and-mark:'} ${result.totalMs} ms in all, lag p50 ${result.p50} ms, p99 ${result.p99} ms, sweepers' CPU ${result.cpuMs} ms (${result.done} done, ${result.failed} failed, ${result.lost} lost)`);
      }
    }
    const median = (mode: 'bare' | 'sla', pick: (run: Run) => number) => percentile(runs[mode].map(pick), 0.5);
    const [real, bare] = [{ p99: median('sla', (r) => r.p99), totalMs: median('sla', (r) => r.totalMs) }, { p99: median('bare', (r) => r.p99), totalMs: median('bare', (r) => r.totalMs) }];
    const ratios = runs.sla.map((one, index) => (one.p99 / runs.bare[index].p99).toFixed(2)).join(', ');
    process.stdout.write(
      [
        `  SLA sweep, ${DUE} due among ${BACKGROUND + 2 * DUE} timers, two processes, batches of ${BATCH}, ${ROUNDS} rounds:`,
        ...lines,
        `    medians:          real lag p99 ${real.p99} ms, bare ${bare.p99} ms; real all handled in ${real.totalMs} ms, bare ${bare.totalMs} ms`,
        `    ratio:            lag p99 ${(real.p99 / bare.p99).toFixed(2)}× the bare loop's (goal ≤ 3×; per round ${ratios}), all handled in ${(real.totalMs / 1000).toFixed(1)} s (goal < 5 s)`,
        `    effects:          checked after every real round: ${DUE} warnings, ${DUE} audit lines (none twice), ${2 * DUE} mails queued, ${DUE} breach timers still scheduled`,
        '',
      ].join('\n'),
    );
  });

  /** What one real sweep must leave: every warning recorded, audited and mailed once, and each breach timer still ahead. */
  async function expectEffectsOnce(): Promise<void> {
    const count = async (sql: string, parameters: unknown[] = []) => Number((await dataSource.query(sql, parameters))[0].n);
    const duplicates = await count("SELECT COUNT(*) AS n FROM (SELECT entityId FROM audit_entries WHERE action = 'sla.warning' GROUP BY entityId HAVING COUNT(*) > 1) d");
    const figures = {
      audit: await count("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'sla.warning'"),
      warnings: await count("SELECT COUNT(*) AS n FROM sla_breaches WHERE kind = 'warning'"),
      outbox: await count('SELECT COUNT(*) AS n FROM outbox_messages'),
      nextTimers: await count("SELECT COUNT(*) AS n FROM scheduled_jobs WHERE kind = ? AND state = 'pending' AND subjectId < 10000000", [SLA_BREACH]),
      timersLeft: await count("SELECT COUNT(*) AS n FROM scheduled_jobs WHERE state <> 'done' AND kind = ? AND subjectId < 10000000", [SLA_WARNING]),
    };
    expect(figures).toEqual({ audit: DUE, warnings: DUE, outbox: 2 * DUE, nextTimers: DUE, timersLeft: 0 });
    expect(duplicates).toBe(0);
  }
});
