/**
 * Two real server processes sweep the same MariaDB: 1,000 requests whose SLA warning and breach fall due
 * within seconds, one process killed with SIGKILL in the middle of a batch, holding its timers. Every warning and breach
 * mail reaches a real SMTP server exactly once. MariaDB only: cross-process leases are the point, and
 * SQLite has a single writer.
 */
import type { DataSource, QueryRunner } from 'typeorm';
import { OutboxMessage } from '../../server/src/notifications/entities/outbox-message.entity';
import { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { ScheduledJob } from '../../server/src/scheduler/entities/scheduled-job.entity';
import { SlaBreach } from '../../server/src/sla/entities/sla-breach.entity';
import { SlaCalendar } from '../../server/src/sla/entities/sla-calendar.entity';
import { SlaClock } from '../../server/src/sla/entities/sla-clock.entity';
import { SlaPolicy } from '../../server/src/sla/entities/sla-policy.entity';
import { SLA_BREACH, SLA_WARNING, SlaClocks } from '../../server/src/sla/sla-clocks';
import { RunningServer, startSecondProcess, startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { SmtpSink } from '../helpers/smtp-sink';
import { clockRowsOf, insertRunningClocks } from '../helpers/sla-timer-data';
import { insertUser, insertWorkgroup, requestRow } from '../integration/sla-fixtures';

const REQUESTS = 1000;
const ASSIGNEES = 10;
/**
 * A ten-minute reaction target warned at a quarter. A warning still pending at its deadline is dropped by
 * design, so the breaches stay out of reach until every warning is handled, however loaded the machine:
 * then the test brings their timers forward (their deadline, which the handler checks, is unchanged).
 */
const TARGET_MS = 10 * 60_000;
const WARNING_PERCENT = 25;
/** Warnings fall due this long after the data starts being written (time to write it), spread over SPREAD_MS. */
const LEAD_MS = 6_000;
const SPREAD_MS = 10_000;

/** Time for a statement B sent just before it froze to finish at the server, so what B holds stays still. */
const IN_FLIGHT_MS = 150;

/** InnoDB refreshes its transaction table only when it has not been read for 0.1 s: polled faster, it never changes. */
const TRX_TABLE_IDLE_MS = 250;

/**
 * B's transactions waiting to record an SLA breach or warning: the INNODB_TRX table is the whole server's, and other
 * test files run beside this one on other databases of the same MariaDB, so the wait is matched by database and statement.
 */
async function waitingBreachInserts(source: DataSource): Promise<number> {
  const [row] = await source.query(
    "SELECT COUNT(*) AS count FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id WHERE t.trx_state = 'LOCK WAIT' AND p.DB = DATABASE() AND t.trx_query LIKE 'INSERT INTO `sla_breaches`%'",
  );
  return Number(row.count);
}

// Writing, sweeping 2,000 timers on two processes and a lease takeover: minutes on a loaded 2-core machine.
jest.setTimeout(300_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, pauseMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(pauseMs);
  }
}

// Skipped, not silently passed, when MariaDB is not among the test databases.
const onMariadb = testDatabases().includes('mariadb') ? describe : describe.skip;

onMariadb('SLA timers swept by two server processes on mariadb', () => {
  const database = 'mariadb';
  let smtp: SmtpSink;
  let a: TestApp;
  let b: RunningServer;
  let blocker: QueryRunner | undefined;

  beforeAll(async () => {
    smtp = await SmtpSink.onFreePort();
    await smtp.start();
    // A fast cadence and a short lease, so the timers of the killed process are taken over within seconds.
    const env = { DOCKET_SMTP_URL: smtp.url, DOCKET_SWEEP_CRON: '* * * * * *', DOCKET_LEASE_MS: '3000', DOCKET_MAIL_DOMAIN: 'docket.test' };
    a = await startTestApp(database, env);
    b = await startSecondProcess(a, env);
  });

  afterAll(async () => {
    if (b && b.process.exitCode === null && b.process.signalCode === null) b.process.kill('SIGKILL');
    if (blocker?.isTransactionActive) await blocker.rollbackTransaction();
    await blocker?.release();
    a?.process.kill('SIGCONT');
    await a?.close();
    await smtp?.stop();
  });

  it('sends every warning and breach mail of 1,000 requests exactly once although one process dies holding timers', async () => {
    const source = a.dataSource;
    // A is frozen before any timer exists, so until it is thawed every SLA timer claimed or locked is B's.
    a.process.kill('SIGSTOP');
    const manager = await insertUser(source.manager, 'duty-manager');
    const assignees: number[] = [];
    for (let index = 0; index < ASSIGNEES; index++) assignees.push(await insertUser(source.manager, `engineer${index}`));
    await insertWorkgroup(source.manager, 'line1', manager, null, assignees);
    const calendar = await source.getRepository(SlaCalendar).save({ code: '24x7', name: '24x7', definition: { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5, 6, 7] }, createdAt: new Date(), updatedAt: new Date() });
    const policy = await source.getRepository(SlaPolicy).save({ code: 'fast', name: 'Fast', active: true, rank: 1, condition: null, calendarId: calendar.id, targets: { '2': { reactionMinutes: TARGET_MS / 60_000 } }, stepLimits: {}, clockRules: [], warningPercent: WARNING_PERCENT, createdAt: new Date(), updatedAt: new Date() });

    // Request 0 starts its clocks through SlaClocks itself; the other 999 get the same rows in multi-row
    // INSERTs (request 1 at the very same start, to check the rows are the service's). Clocks started in
    // the past, so the warnings fall due from LEAD_MS on and each breach follows its warning.
    const firstWarning = Date.now() + LEAD_MS;
    const startOf = (index: number) => new Date(firstWarning + Math.round((Math.max(index, 1) * SPREAD_MS) / REQUESTS) - (TARGET_MS * WARNING_PERCENT) / 100);
    const written = Date.now();
    const rows = Array.from({ length: REQUESTS }, (_, index) => requestRow(source.manager, { topicId: 1, priority: 2, queueId: null, assigneeId: assignees[index % ASSIGNEES], subject: `Request ${index}` }));
    const { identifiers } = await source.createQueryBuilder().insert().into(CustomerRequest).values(rows as never).execute();
    const requestIds = identifiers.map((identifier) => Number(identifier.id));
    const template = await source.getRepository(CustomerRequest).findOneByOrFail({ id: requestIds[0] });
    await source.transaction((tx) => new SlaClocks().startClocks(tx, template, {}, startOf(0)));
    await source.transaction((tx) => insertRunningClocks(tx, policy, requestIds.slice(1).map((requestId, index) => ({ requestId, priority: 2, started: startOf(index + 1), targetMs: TARGET_MS, warningPercent: WARNING_PERCENT })), new Date()));
    const writeMs = Date.now() - written;
    expect(await clockRowsOf(source.manager, requestIds[1])).toEqual(await clockRowsOf(source.manager, requestIds[0]));
    expect(writeMs).toBeLessThan(LEAD_MS);
    const slaTimers = () => source.getRepository(ScheduledJob).createQueryBuilder('j').where('j.kind IN (:...kinds)', { kinds: [SLA_WARNING, SLA_BREACH] });
    expect(await slaTimers().getCount()).toBe(2 * REQUESTS);

    // B's holdings: timers leased to it (running, its owner tag), and due timers its open transaction has
    // locked to work them off (MariaDB: there the row lock is the lease), which a locking read must skip.
    const idsOf = (rows: { id: string | number }[]) => rows.map((row) => Number(row.id));
    const heldByB = async () => {
      const leased = idsOf(await slaTimers().andWhere('j.state = :running AND j.owner LIKE :owner', { running: 'running', owner: `p${b.process.pid}-%` }).select('j.id', 'id').getRawMany());
      const locked = await source.transaction(async (tx) => {
        const dueNow = () => tx.getRepository(ScheduledJob).createQueryBuilder('j').where('j.kind IN (:...kinds) AND j.state = :pending AND j.dueAt <= :now', { kinds: [SLA_WARNING, SLA_BREACH], pending: 'pending', now: new Date() }).select('j.id', 'id');
        const due = idsOf(await dueNow().getRawMany());
        const free = new Set(idsOf(await dueNow().setLock('pessimistic_write').setOnLocked('skip_locked').getRawMany()));
        return due.filter((id) => !free.has(id));
      });
      return [...leased, ...locked];
    };

    // Kill B in the middle of a batch. The test's own open transaction records the warning of a request due
    // half-way, so B's INSERT of that warning waits for it while B's transaction holds the batch's timers.
    const blocked = requestIds[REQUESTS / 2];
    const [blockedClock] = await source.getRepository(SlaClock).findBy({ requestId: blocked });
    blocker = source.createQueryRunner();
    await blocker.startTransaction();
    await blocker.manager.insert(SlaBreach, { requestId: blocked, clock: blockedClock.clock, kind: 'warning', deadline: blockedClock.deadline as Date, occurredAt: new Date(), policyId: policy.id, priority: 2, queueId: null, assigneeId: null, topicId: 1, closedAt: null });
    expect(await until(() => waitingBreachInserts(source), (count) => count > 0, LEAD_MS + SPREAD_MS + 30_000, TRX_TABLE_IDLE_MS)).toBeGreaterThan(0);
    b.process.kill('SIGSTOP');
    await sleep(IN_FLIGHT_MS);
    const held = await heldByB();
    const blockedWarning = await slaTimers().andWhere('j.subjectId = :blocked AND j.kind = :warning', { blocked, warning: SLA_WARNING }).getOneOrFail();
    expect(held).toContain(blockedWarning.id);
    b.process.kill('SIGKILL');
    const killedAt = Date.now();
    await new Promise((resolve) => b.process.once('exit', resolve));
    // What B held is not done: its transaction dies with it, or its lease runs out.
    const stillHeld = (await source.getRepository(ScheduledJob).createQueryBuilder('j').whereInIds(held).andWhere("j.state <> 'done'").select('j.id', 'id').getRawMany()).map((row) => Number(row.id));
    expect(stillHeld.length).toBeGreaterThan(0);
    await blocker.rollbackTransaction();
    a.process.kill('SIGCONT');

    const pendingWarnings = () => slaTimers().andWhere('j.kind = :warning AND j.state <> :done', { warning: SLA_WARNING, done: 'done' }).getCount();
    expect(await until(pendingWarnings, (count) => count === 0, 120_000, 250)).toBe(0);
    await source.createQueryBuilder().update(ScheduledJob).set({ dueAt: new Date() }).where('kind = :breach AND state = :pending', { breach: SLA_BREACH, pending: 'pending' }).execute();

    const expectedMails = 2 * REQUESTS * 2;
    await until(async () => smtp.received.length, (count) => count >= expectedMails, 120_000, 250);
    const settled = await until(async () => slaTimers().andWhere("j.state <> 'done'").getCount(), (count) => count === 0, 10_000);
    expect(settled).toBe(0);
    await sleep(1_500); // a duplicate, if any, would arrive now
    process.stdout.write(`  two processes: ${REQUESTS} requests written in ${writeMs} ms; B killed holding ${stillHeld.length} timers; all mail in ${Date.now() - killedAt} ms after the kill\n`);

    // The timers B died holding were run by A once B's transaction was rolled back or its lease ran out.
    const takenOver = await source.getRepository(ScheduledJob).createQueryBuilder('j').whereInIds(stillHeld).getMany();
    expect(takenOver.every((job) => job.state === 'done' && !job.owner?.startsWith(`p${b.process.pid}-`))).toBe(true);

    const breaches = await source.getRepository(SlaBreach).find();
    expect(breaches.filter((breach) => breach.kind === 'warning')).toHaveLength(REQUESTS);
    expect(breaches.filter((breach) => breach.kind === 'breach')).toHaveLength(REQUESTS);

    // Exactly once by Message-ID, and every queued mail arrived.
    const counts = smtp.countsByMessageId();
    expect([...counts.entries()].filter(([, count]) => count !== 1)).toEqual([]);
    const outbox = await source.getRepository(OutboxMessage).find();
    expect(outbox).toHaveLength(expectedMails);
    expect(outbox.every((message) => message.state === 'done')).toBe(true);
    expect(new Set(counts.keys())).toEqual(new Set(outbox.map((message) => message.messageId)));

    // Exactly once by (request, kind): the assignee and the manager of the assignee's workgroup, each once.
    const byMessageId = new Map(outbox.map((message) => [message.messageId, message]));
    const received = new Map<string, string[]>();
    for (const mail of smtp.received) {
      const message = byMessageId.get(mail.header('Message-ID') ?? '') as OutboxMessage;
      const [, requestId, kind] = message.eventKey.split(':');
      const key = `${requestId}:${kind}`;
      received.set(key, [...(received.get(key) ?? []), ...mail.to].sort());
    }
    expect(received.size).toBe(2 * REQUESTS);
    for (const [index, requestId] of requestIds.entries()) {
      const people = [`engineer${index % ASSIGNEES}@example.com`, 'duty-manager@example.com'].sort();
      expect([received.get(`${requestId}:sla.warning`), received.get(`${requestId}:sla.breach`)]).toEqual([people, people]);
    }
  }, 180_000);
});
