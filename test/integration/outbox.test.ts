import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { OutboxMessage } from '../../server/src/notifications/entities/outbox-message.entity';
import { enqueueMail, messageIdFor, OutgoingMail } from '../../server/src/notifications/outbox';
import { OutboxSender } from '../../server/src/notifications/outbox-sender';
import { SmtpTransport } from '../../server/src/notifications/smtp-transport';
import { retryDelayMs } from '../../server/src/scheduler/leased-queue';
import { migratedScratchDatabase, ScratchDatabase, testDatabases } from '../helpers/databases';
import { SmtpSink } from '../helpers/smtp-sink';

const DOMAIN = 'docket.test';
const T0 = new Date('2026-10-25T00:30:00.000Z');

const breachMail = (index: number): OutgoingMail => ({
  eventKey: `request:${index}:breach`,
  recipient: `engineer${index % 7}@example.com`,
  subject: `REQ-2026-${String(index).padStart(6, '0')}: resolution deadline breached`,
  text: `Request ${index} is past its deadline.`,
  html: `<p>Request <b>${index}</b> is past its deadline.</p>`,
});

describe.each(testDatabases())('the mail outbox against a real SMTP server on %s', (database) => {
  let scratch: ScratchDatabase;
  let dataSource: DataSource;
  let smtp: SmtpSink;
  let transport: SmtpTransport;

  beforeAll(async () => {
    ({ scratch, dataSource } = await migratedScratchDatabase(database));
    smtp = await SmtpSink.onFreePort();
    transport = new SmtpTransport(smtp.url, 'Docket <docket@docket.test>');
  });

  afterAll(async () => {
    transport?.close();
    await smtp?.stop();
    await dataSource?.destroy();
    await scratch?.drop();
  });

  const enqueueAll = (mails: OutgoingMail[], now: Date) => dataSource.transaction(async (manager) => Promise.all(mails.map((mail) => enqueueMail(manager, mail, now, DOMAIN))));

  it('loses nothing and sends nothing twice when the mail server is down while 200 notifications are produced', async () => {
    const mails = Array.from({ length: 200 }, (_, index) => breachMail(index + 1));
    await enqueueAll(mails, T0);
    const sender = new OutboxSender(dataSource, transport, { batchSize: 50, leaseMs: 60_000 });

    expect(await sender.drain(() => T0)).toEqual({ sent: 0, failed: 200 });
    await enqueueAll(mails, T0); // the same events recorded again queue nothing new
    expect(await dataSource.getRepository(OutboxMessage).countBy({ state: 'pending' })).toBe(200);

    await smtp.start();
    const later = new Date(T0.getTime() + retryDelayMs(1));
    expect(await sender.drain(() => new Date(later.getTime() - 1))).toEqual({ sent: 0, failed: 0 });
    expect(await sender.drain(() => later)).toEqual({ sent: 200, failed: 0 });
    expect(await sender.drain(() => new Date(later.getTime() + 3_600_000))).toEqual({ sent: 0, failed: 0 });

    const counts = smtp.countsByMessageId();
    expect(counts.size).toBe(200);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(counts.has(messageIdFor('request:17:breach', 'engineer3@example.com', DOMAIN))).toBe(true);
    const first = smtp.received.find((mail) => mail.header('Message-ID') === messageIdFor('request:1:breach', 'engineer1@example.com', DOMAIN))!;
    expect(first.to).toEqual(['engineer1@example.com']);
    expect(first.raw).toContain('text/html');
    expect(first.raw).toContain('text/plain');
  });

  it('threads a reply under the mails it answers', async () => {
    const opening = messageIdFor('request:900:created', 'customer@example.com', DOMAIN);
    await enqueueAll([{ eventKey: 'request:900:comment:1', recipient: 'Customer@Example.com', subject: 'Re: your request', text: 'We are on it.', references: [opening] }], T0);
    await new OutboxSender(dataSource, transport).drain(() => T0);
    const reply = smtp.received.at(-1)!;
    expect(reply.header('In-Reply-To')).toBe(opening);
    expect(reply.header('References')).toBe(opening);
    expect(reply.to).toEqual(['customer@example.com']);
  });

  it('queues nothing when the event that caused the mail rolls back', async () => {
    const before = await dataSource.getRepository(OutboxMessage).count();
    await expect(
      dataSource.transaction(async (manager) => {
        await enqueueMail(manager, breachMail(5000), T0, DOMAIN);
        throw new Error('the transition failed');
      }),
    ).rejects.toThrow('the transition failed');
    expect(await dataSource.getRepository(OutboxMessage).count()).toBe(before);
  });
});
