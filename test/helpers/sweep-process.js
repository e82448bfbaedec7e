// Another server process for lease tests: sweeps due timers once, the handler writing one audit line
// per timer (as test/integration/scheduler.test.ts does in-process), and prints its report as JSON.
// It prints "ready" once connected, so the test can start its own sweep at the same moment, and each
// timer takes a few milliseconds, so the two sweeps overlap.
// Usage: node sweep-process.js <database url> <sqlite|mysql> <instance> <clock ISO> <batch size>
// With a sixth argument the benchmark's modes: `sla` runs the real SLA warning and breach handlers, `bare`
// only claims and marks due timers (SKIP LOCKED batches, no handler); both wait for a line on stdin after
// "ready", take the real clock when <clock ISO> is `now`, and report each timer's due→handled lag and the
// process's CPU time during the sweep.
require('reflect-metadata');
const { DataSource } = require('typeorm');
const dist = (path) => require(`../../dist/server/src/${path}`);
const { dataSourceOptions } = dist('database/data-source-options.js');
const { JobRunner } = dist('scheduler/job-runner.js');
const { AuditEntry } = dist('audit/audit-entry.entity.js');

const [databaseUrl, driver, instance, clock, batchSize, mode = 'audit'] = process.argv.slice(2);
const now = () => (clock === 'now' ? new Date() : new Date(clock));

async function main() {
  if (mode !== 'audit') return bench();
  const source = new DataSource(dataSourceOptions({ databaseUrl, driver }));
  await source.initialize();
  const auditing = async (job, manager, now) => {
    await new Promise((resolve) => setTimeout(resolve, 2));
    await manager.insert(AuditEntry, { at: now, actorId: null, actorLogin: 'system', entityType: 'timer', entityId: String(job.id), action: job.kind, changes: [] });
  };
  const runner = new JobRunner(source, new Map([['sla.breach', auditing]]), { batchSize: Number(batchSize), leaseMs: 60_000, instance });
  process.stdout.write('ready\n');
  const report = await runner.sweep(() => new Date(clock));
  await source.destroy();
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error) => {
  process.stderr.write(String(error.stack ?? error));
  process.exit(1);
});

async function bench() {
  const source = new DataSource(dataSourceOptions({ databaseUrl, driver }));
  await source.initialize();
  const lags = [];
  const sweep = mode === 'sla' ? slaSweep(source, lags) : bareSweep(source, lags);
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const startedAt = Date.now();
  const cpuBefore = process.cpuUsage();
  const report = await sweep();
  const finishedAt = Date.now();
  const { user, system } = process.cpuUsage(cpuBefore);
  await source.destroy();
  process.stdout.write(`${JSON.stringify({ ...report, startedAt, finishedAt, cpuMs: Math.round((user + system) / 1000), lags })}\n`);
  process.exit(0);
}

function slaSweep(source, lags) {
  const { fireSlaTimers } = dist('sla/breach-handler.js');
  const { AuditService } = dist('audit/audit.service.js');
  const { SLA_WARNING, SLA_BREACH } = dist('sla/sla-clocks.js');
  const audit = new AuditService(source.getRepository(AuditEntry));
  const effects = { mailDomain: 'docket.bench', audit: (manager, record, at) => audit.record(manager, null, record, at), auditAll: (manager, records, at) => audit.recordMany(manager, null, records, at) };
  // A timer counts as handled when the transaction of its effects commits, as the bare loop's do.
  const handling = new Map();
  source.subscribers.push({
    afterTransactionCommit: ({ queryRunner }) => {
      const handled = Date.now();
      for (const job of handling.get(queryRunner) ?? []) lags.push(handled - job.dueAt.getTime());
      handling.delete(queryRunner);
    },
    afterTransactionRollback: ({ queryRunner }) => handling.delete(queryRunner),
  });
  // As SlaTimers registers them: a batch handler per kind (the runner falls back to single timers itself).
  const timed = (kind) => async (jobs, manager, at) => {
    await fireSlaTimers(kind, jobs, manager, at, effects);
    handling.set(manager.queryRunner, jobs);
  };
  const batches = new Map([[SLA_WARNING, timed('warning')], [SLA_BREACH, timed('breach')]]);
  const runner = new JobRunner(source, new Map(), { batchSize: Number(batchSize), leaseMs: 60_000, instance }, batches);
  return () => runner.sweep(now);
}

/** The floor: claim a batch with SKIP LOCKED and mark it done in the same transaction, nothing else. */
function bareSweep(source, lags) {
  return async () => {
    let done = 0;
    for (;;) {
      const rows = await source.transaction(async (manager) => {
        const due = await manager.query("SELECT id, dueAt FROM scheduled_jobs WHERE state = 'pending' AND dueAt <= ? ORDER BY dueAt LIMIT ? FOR UPDATE SKIP LOCKED", [now(), Number(batchSize)]);
        if (due.length) await manager.query(`UPDATE scheduled_jobs SET state = 'done', finishedAt = ? WHERE id IN (${due.map(() => '?').join(', ')})`, [now(), ...due.map((row) => row.id)]);
        return due;
      });
      if (rows.length === 0) return { done, failed: 0, lost: 0 };
      done += rows.length;
      const at = Date.now();
      for (const row of rows) lags.push(at - new Date(row.dueAt).getTime());
    }
  };
}
