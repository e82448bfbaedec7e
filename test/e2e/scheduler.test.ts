import { OutboxMessage } from '../../server/src/notifications/entities/outbox-message.entity';
import { enqueueMail, messageIdFor } from '../../server/src/notifications/outbox';
import { ScheduledJob } from '../../server/src/scheduler/entities/scheduled-job.entity';
import { scheduleJob } from '../../server/src/scheduler/job-runner';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { eventually } from '../helpers/poll';
import { SmtpSink } from '../helpers/smtp-sink';

describe.each(testDatabases())('the scheduler inside a running server on %s', (database) => {
  let t: TestApp;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await SmtpSink.onFreePort();
    await smtp.start();
    t = await startTestApp(database, { DOCKET_SMTP_URL: smtp.url, DOCKET_SWEEP_CRON: '* * * * * *', DOCKET_MAIL_DOMAIN: 'docket.test' });
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('sends what lands in the outbox, once, on the next tick', async () => {
    await t.dataSource.transaction((manager) => enqueueMail(manager, { eventKey: 'request:1:created', recipient: 'customer@example.com', subject: 'Your request REQ-2026-000001', text: 'Registered.' }, new Date(), 'docket.test'));
    const sent = await eventually(() => t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ eventKey: 'request:1:created' }), (row) => row.state === 'done');
    expect(sent.state).toBe('done');
    expect(sent.finishedAt).not.toBeNull();
    expect([...smtp.countsByMessageId().entries()]).toEqual([[messageIdFor('request:1:created', 'customer@example.com', 'docket.test'), 1]]);
  });

  it('works off due timers from the database and records why one could not run', async () => {
    await t.dataSource.transaction((manager) => scheduleJob(manager, { kind: 'kind.nobody.handles', dueAt: new Date(Date.now() - 60_000), subjectType: 'request', subjectId: 1 }, new Date()));
    const job = await eventually(() => t.dataSource.getRepository(ScheduledJob).findOneByOrFail({ kind: 'kind.nobody.handles' }), (row) => row.attempts > 0 && row.state === 'pending');
    expect(job).toMatchObject({ state: 'pending', attempts: 1, lastError: 'no handler for timers of kind "kind.nobody.handles"' });
    expect(job.dueAt.getTime()).toBeGreaterThan(Date.now());
  });
});
