/**
 * The mail server is down while a running server produces 200 notifications through the real event path
 * (SLA warning and breach timers of 100 requests, fired by the server's own scheduler), and comes back on
 * the same port: all 200 arrive, none twice. The outbox's retry and lease logic in isolation is
 * test/integration/outbox.test.ts; this is the same promise end to end.
 */
import { OutboxMessage } from '../../server/src/notifications/entities/outbox-message.entity';
import { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { SlaCalendar } from '../../server/src/sla/entities/sla-calendar.entity';
import { SlaPolicy } from '../../server/src/sla/entities/sla-policy.entity';
import { SlaClocks } from '../../server/src/sla/sla-clocks';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { SmtpSink } from '../helpers/smtp-sink';
import { insertUser, requestRow } from '../integration/sla-fixtures';

const REQUESTS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(250);
  }
}

describe.each(testDatabases())('notifications while the mail server is down, on %s', (database) => {
  let smtp: SmtpSink;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await SmtpSink.onFreePort();
    await smtp.start();
    // Retries after 1 s, 4 s, 16 s… rather than 30 s, 2 min…: the same backoff, in the time a test may take.
    t = await startTestApp(database, { DOCKET_SMTP_URL: smtp.url, DOCKET_SWEEP_CRON: '* * * * * *', DOCKET_MAIL_DOMAIN: 'docket.test', DOCKET_MAIL_RETRY_MS: '1000' });
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('delivers all 200 once the mail server is back on the same port, none twice', async () => {
    await smtp.stop();
    const source = t.dataSource;
    const assignees: number[] = [];
    for (let index = 0; index < 5; index++) assignees.push(await insertUser(source.manager, `agent${index}`));
    const calendar = await source.getRepository(SlaCalendar).save({ code: '24x7', name: '24x7', definition: { timeZone: 'Europe/Moscow', workingDays: [1, 2, 3, 4, 5, 6, 7] }, createdAt: new Date(), updatedAt: new Date() });
    await source.getRepository(SlaPolicy).save({ code: 'minute', name: 'One minute', active: true, rank: 1, condition: null, calendarId: calendar.id, targets: { '3': { reactionMinutes: 1 } }, stepLimits: {}, clockRules: [], warningPercent: 75, createdAt: new Date(), updatedAt: new Date() });
    // Started 52 s ago on a one-minute target: the warning (45 s) is due at once, the breach 8 s later.
    const clocks = new SlaClocks();
    for (let index = 0; index < REQUESTS; index++) {
      await source.transaction(async (manager) => {
        const { identifiers } = await manager.insert(CustomerRequest, requestRow(manager, { topicId: 1, priority: 3, assigneeId: assignees[index % assignees.length], subject: `Down ${index}` }) as never);
        const request = await manager.findOneByOrFail(CustomerRequest, { id: Number(identifiers[0].id) });
        await clocks.startClocks(manager, request, {}, new Date(Date.now() - 52_000));
      });
    }

    // Every notification is queued and has failed at least once while nothing listens on the port.
    const tried = () => source.getRepository(OutboxMessage).createQueryBuilder('m').where('m.attempts >= 1').getCount();
    expect(await until(tried, (count) => count === 2 * REQUESTS, 40_000)).toBe(2 * REQUESTS);
    expect(await source.getRepository(OutboxMessage).countBy({ state: 'done' })).toBe(0);
    expect(smtp.received).toHaveLength(0);

    await smtp.start();
    await until(async () => smtp.received.length, (count) => count >= 2 * REQUESTS, 60_000);
    await sleep(2_000); // a second delivery, if any, would arrive now
    const counts = smtp.countsByMessageId();
    expect([...counts.values()].filter((count) => count !== 1)).toEqual([]);
    const outbox = await source.getRepository(OutboxMessage).find();
    expect(outbox).toHaveLength(2 * REQUESTS);
    expect(new Set(counts.keys())).toEqual(new Set(outbox.map((message) => message.messageId)));
    expect(outbox.every((message) => message.state === 'done')).toBe(true);
    const kinds = outbox.map((message) => message.eventKey.split(':')[2]);
    expect([kinds.filter((kind) => kind === 'sla.warning').length, kinds.filter((kind) => kind === 'sla.breach').length]).toEqual([REQUESTS, REQUESTS]);
  });
});
