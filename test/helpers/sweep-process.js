// Another server process for lease tests: sweeps due timers once, the handler writing one audit line
// per timer (as test/integration/scheduler.test.ts does in-process), and prints its report as JSON.
// It prints "ready" once connected, so the test can start its own sweep at the same moment, and each
// timer takes a few milliseconds, so the two sweeps overlap.
// Usage: node sweep-process.js <database url> <sqlite|mysql> <instance> <clock ISO> <batch size>
require('reflect-metadata');
const { DataSource } = require('typeorm');
const dist = (path) => require(`../../dist/server/src/${path}`);
const { dataSourceOptions } = dist('database/data-source-options.js');
const { JobRunner } = dist('scheduler/job-runner.js');
const { AuditEntry } = dist('audit/audit-entry.entity.js');

const [databaseUrl, driver, instance, clock, batchSize] = process.argv.slice(2);

async function main() {
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
