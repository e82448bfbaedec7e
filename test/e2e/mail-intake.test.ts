import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Mail from 'nodemailer/lib/mailer';
import { scheduleJobs } from '../../server/src/scheduler/job-runner';
import { startSecondProcess, startTestApp, TestApp, type RunningServer } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { setUpDesk, type Desk } from '../helpers/desk';
import { ImapServer } from '../helpers/imap-server';
import { composeMail } from '../helpers/mail-messages';
import { eventually, retriedWhenLocked } from '../helpers/poll';

const ATTACHMENT_LIMIT = 4096;
const MESSAGE_LIMIT = 64 * 1024;
// A lease shorter than the default minute, so that a process taking over from a dead one does so within the test,
// and longer than any poll here takes, so that no live poll loses its lease.
const ENV = { DOCKET_SWEEP_CRON: '* * * * * *', DOCKET_LEASE_MS: '15000', DOCKET_MAIL_MESSAGES_PER_POLL: '500', DOCKET_ATTACHMENT_MAX_BYTES: String(ATTACHMENT_LIMIT), DOCKET_MAIL_MAX_BYTES: String(MESSAGE_LIMIT) };
const ANNA = 'anna@pskov-water.example';
const OFFICE = 'office@pskov-water.example';
const STRANGER = 'mallory@elsewhere.example';

/** Every file under `dir`, with its size. */
function storedFiles(dir: string): number[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => statSync(join(dir, name))).filter((entry) => entry.isFile()).map((entry) => entry.size);
}

describe.each(testDatabases())('e-mail intake on %s', (database) => {
  let t: TestApp;
  let imap: ImapServer;
  let desk: Desk;
  let files: string;
  let mailbox: number;
  let sequence = 0;
  const ids: Record<string, number> = {};

  const mail = (options: Mail.Options) => composeMail({ to: 'support@docket.example', messageId: `<m${++sequence}.${database}@test.example>`, ...options });
  const one = async <T>(sql: string, values: unknown[] = []): Promise<T> => (await t.dataSource.query(sql, values))[0] as T;
  const count = async (sql: string, values: unknown[] = []) => Number((await one<{ n: number | string }>(sql, values)).n);

  /** Delivers the messages, asks for a poll and waits until the mailbox has moved past the last of them. */
  async function deliver(...messages: Buffer[]): Promise<void> {
    const uids = await imap.deliver(messages);
    await desk.api.ok('admin', 'POST', `/api/mailboxes/${mailbox}/poll`, undefined, 202);
    const last = Math.max(...uids);
    const position = await eventually(() => one<{ lastUid: number }>('SELECT lastUid FROM mailboxes WHERE id = ?', [mailbox]), (row) => Number(row.lastUid) >= last);
    expect(Number(position.lastUid)).toBeGreaterThanOrEqual(last);
  }

  const handled = (messageId: string) => one<{ outcome: string; requestId: number | null; commentId: number | null; detail: string | null } | undefined>('SELECT outcome, requestId, commentId, detail FROM mail_messages WHERE messageKey = ?', [messageId]);
  const requestOf = (id: number) => one<{ id: number; number: string; clientId: number | null; contactPersonId: number | null; topicId: number; queueId: number; subject: string; description: string; contactId: number }>('SELECT * FROM requests WHERE id = ?', [id]);
  /** A request olga registers for Anna of Pskov Water: Docket mails Anna that it was registered. */
  async function annasRequest(subject: string): Promise<{ id: number; number: string }> {
    const created = await desk.api.ok('olga', 'POST', '/api/contacts', { clientId: ids.client, contactPersonId: ids.anna, requests: [{ topicId: desk.ids.topic, type: 'incident', impact: 3, urgency: 3, subject, queueId: desk.ids.FIRST }] }, 201);
    return created.requests[0];
  }
  const notificationAbout = (requestId: number) => one<{ messageId: string }>('SELECT messageId FROM outbox_messages WHERE eventKey LIKE ? AND recipient = ? ORDER BY id LIMIT 1', [`request:${requestId}:%`, ANNA]);
  const messageIdOf = (raw: Buffer) => /^Message-ID: (<[^>]+>)/im.exec(raw.toString())![1];

  beforeAll(async () => {
    imap = await ImapServer.start();
    files = mkdtempSync(join(tmpdir(), 'docket-mail-files-'));
    t = await startTestApp(database, { ...ENV, DOCKET_ATTACHMENTS_DIR: files });
    desk = await setUpDesk(() => t);
    const { ok } = desk.api;
    ids.channel = (await ok('admin', 'POST', '/api/channels', { code: 'EMAIL', name: 'E-mail' }, 201)).id;
    ids.direction = (await ok('admin', 'POST', '/api/directions', { code: 'IN', name: 'Inbound' }, 201)).id;
    ids.mailer = (await ok('admin', 'POST', '/api/users', { login: 'mailer', name: 'Mail intake', password: 'mailer-password-1', roleCodes: ['operator'] }, 201)).id;
    await ok('admin', 'PATCH', `/api/users/${desk.ids.olga}`, { email: 'olga@docket.example' }, 200);
    ids.client = (await ok('admin', 'POST', '/api/clients', { kind: 'company', name: 'Pskov Water', emails: [{ value: OFFICE }] }, 201)).id;
    ids.anna = (await ok('admin', 'POST', '/api/contact-persons', { name: 'Anna Petrova', clientId: ids.client, emails: [{ value: ANNA }] }, 201)).id;
    const { host, port, user, password } = imap.account;
    mailbox = (await ok('admin', 'POST', '/api/mailboxes', { code: 'SUPPORT', name: 'Support', host, port, tls: false, username: user, password, topicId: desk.ids.topic, queueId: desk.ids.FIRST, channelId: ids.channel, directionId: ids.direction, operatorId: ids.mailer, pollSeconds: 3600 }, 201)).id;
  });
  afterAll(async () => {
    await t?.close();
    await imap?.stop();
    rmSync(files, { recursive: true, force: true });
  });

  it('takes a new mail in as a request of the sender’s client, with the mailbox’s topic, queue, channel and direction', async () => {
    const raw = await mail({ from: `Anna Petrova <${ANNA.toUpperCase()}>`, subject: 'No water pressure on Lenina 5', text: 'Since this morning.\nPlease help.' });
    await deliver(raw);
    const row = await handled(messageIdOf(raw));
    expect(row).toMatchObject({ outcome: 'request', commentId: null });
    const request = await requestOf(Number(row!.requestId));
    expect(request).toMatchObject({ clientId: ids.client, contactPersonId: ids.anna, topicId: desk.ids.topic, queueId: desk.ids.FIRST, subject: 'No water pressure on Lenina 5' });
    expect(request.description).toContain('Since this morning.');
    expect(await one('SELECT channelId, directionId, operatorId FROM contacts WHERE id = ?', [request.contactId])).toEqual({ channelId: ids.channel, directionId: ids.direction, operatorId: ids.mailer });
    const journal = await t.dataSource.query("SELECT actorLogin, action FROM audit_entries WHERE entityType = 'request' AND entityId = ? ORDER BY id", [String(request.id)]);
    expect(journal.map((line: { action: string }) => line.action)).toEqual(expect.arrayContaining(['create', 'mail.received']));
    expect(new Set(journal.map((line: { actorLogin: string }) => line.actorLogin))).toEqual(new Set(['mailer']));
    // The operators see it in their queue, through the API.
    expect((await desk.api.ok('olga', 'GET', `/api/requests/${request.id}`, undefined, 200)).request.number).toBe(request.number);
  });

  it('threads a reply to Docket’s notification into the request’s customer discussion', async () => {
    const request = await annasRequest('Meter reading wrong');
    const notification = await notificationAbout(request.id);
    const requestsBefore = await count('SELECT COUNT(*) AS n FROM requests');
    const raw = await mail({ from: ANNA, subject: 'Re: your request', inReplyTo: notification.messageId, references: [notification.messageId], text: 'The meter shows 0451.' });
    await deliver(raw);
    const row = await handled(messageIdOf(raw));
    expect(row).toMatchObject({ outcome: 'comment', requestId: request.id });
    expect(await count('SELECT COUNT(*) AS n FROM requests')).toBe(requestsBefore);
    const comment = await one<{ body: string; authorId: number | null; authorLogin: string; visibility: string }>('SELECT c.body, c.authorId, c.authorLogin, d.visibility FROM request_comments c JOIN request_discussions d ON d.id = c.discussionId WHERE c.id = ?', [row!.commentId]);
    expect(comment).toMatchObject({ authorId: null, authorLogin: ANNA, visibility: 'customer' });
    expect(comment.body).toContain('The meter shows 0451.');
  });

  it('threads a reply naming the request number in its subject, from the client’s own address', async () => {
    const request = await annasRequest('Invoice question');
    const raw = await mail({ from: OFFICE, subject: `Re: [${request.number.toLowerCase()}] Invoice question`, text: 'Paid yesterday.' });
    await deliver(raw);
    expect(await handled(messageIdOf(raw))).toMatchObject({ outcome: 'comment', requestId: request.id });
  });

  it('takes the customer’s reply to a solution awaiting confirmation as its rejection: the request goes back to work', async () => {
    const request = await annasRequest('Water is brown');
    const problem = await desk.api.ok('olga', 'POST', '/api/problems', { subject: 'Pipe flushing on Lenina' }, 201);
    await desk.api.ok('olga', 'POST', `/api/problems/${problem.id}/requests`, { requestIds: [request.id] }, 200);
    await desk.api.ok('olga', 'POST', `/api/problems/${problem.id}/resolve`, { reason: 'Pipes flushed' }, 200);
    const status = async () => (await one<{ status: string }>('SELECT status FROM requests WHERE id = ?', [request.id])).status;
    const autoClose = () => count("SELECT COUNT(*) AS n FROM scheduled_jobs WHERE kind = 'request.autoClose' AND subjectId = ? AND state = 'pending'", [request.id]);
    expect([await status(), await autoClose()]).toEqual(['resolved', 1]);
    const resolvedMail = await one<{ messageId: string }>('SELECT messageId FROM outbox_messages WHERE eventKey LIKE ? AND recipient = ? ORDER BY id DESC LIMIT 1', [`request:${request.id}:%`, ANNA]);

    const raw = await mail({ from: ANNA, subject: 'Re: resolved', inReplyTo: resolvedMail.messageId, references: [resolvedMail.messageId], text: 'Still brown this morning.' });
    await deliver(raw);
    const row = await handled(messageIdOf(raw));
    expect(row).toMatchObject({ outcome: 'comment', requestId: request.id });
    expect(row!.detail).toContain('rejected');
    expect([await status(), await autoClose()]).toEqual(['in_progress', 0]);
    const journal = await t.dataSource.query("SELECT action, actorLogin FROM audit_entries WHERE entityType = 'request' AND entityId = ? ORDER BY id", [String(request.id)]);
    expect(journal.slice(-2)).toEqual([{ action: 'mail.received', actorLogin: 'mailer' }, { action: 'rejectSolution', actorLogin: 'mailer' }]);

    // Once back at work, a further reply is a comment and nothing more; so is a staff member's reply to a resolved request.
    const again = await mail({ from: ANNA, subject: `Re: ${request.number}`, text: 'Any news?' });
    await deliver(again);
    expect(await handled(messageIdOf(again))).toMatchObject({ outcome: 'comment', detail: null });
    expect(await status()).toBe('in_progress');
  });

  it('takes a staff member’s reply from their address as their own comment', async () => {
    const request = await desk.newRequest('olga', 'FIRST', 'Staff reply');
    const raw = await mail({ from: 'Olga@docket.example', subject: `Re: ${request.number}`, text: 'Engineer is on the way.' });
    await deliver(raw);
    const row = await handled(messageIdOf(raw));
    expect(row).toMatchObject({ outcome: 'comment', requestId: request.id });
    expect(await one('SELECT authorId, authorLogin FROM request_comments WHERE id = ?', [row!.commentId])).toEqual({ authorId: desk.ids.olga, authorLogin: 'olga' });
  });

  it('gives a stranger who replies to someone else’s request a request of their own, not a comment in it', async () => {
    const request = await annasRequest('Private matter');
    const notification = await notificationAbout(request.id);
    const commentsBefore = await count('SELECT COUNT(*) AS n FROM request_comments WHERE requestId = ?', [request.id]);
    const raw = await mail({ from: STRANGER, subject: `Re: ${request.number} Private matter`, inReplyTo: notification.messageId, text: 'Let me in.' });
    await deliver(raw);
    const row = await handled(messageIdOf(raw));
    expect(row).toMatchObject({ outcome: 'request' });
    expect(row!.requestId).not.toBe(request.id);
    expect(await requestOf(Number(row!.requestId))).toMatchObject({ clientId: null, contactPersonId: null });
    expect(await count('SELECT COUNT(*) AS n FROM request_comments WHERE requestId = ?', [request.id])).toBe(commentsBefore);
  });

  it('acts once on a message delivered twice, and again once when the mailbox is read from the start', async () => {
    const raw = await mail({ from: ANNA, subject: 'Duplicate delivery', text: 'once' });
    await deliver(raw, raw);
    const subjectCount = () => count('SELECT COUNT(*) AS n FROM requests WHERE subject = ?', ['Duplicate delivery']);
    expect(await subjectCount()).toBe(1);
    // As after a UIDVALIDITY change: the whole folder is read again.
    await t.dataSource.query('UPDATE mailboxes SET uidValidity = NULL, lastUid = 0 WHERE id = ?', [mailbox]);
    await deliver(await mail({ from: ANNA, subject: 'After the reset', text: 'new' }));
    expect(await subjectCount()).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM requests WHERE subject = ?', ['After the reset'])).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM requests WHERE subject = ?', ['No water pressure on Lenina 5'])).toBe(1);
  });

  it('neutralises scripts and handlers in an HTML body', async () => {
    const raw = await mail({ from: ANNA, subject: 'HTML mail', html: '<p onclick="steal()">Hello <b>there</b><script>alert(document.cookie)</script><img src="x" onerror="alert(1)"><a href="javascript:alert(2)">link</a></p>' });
    await deliver(raw);
    const request = await requestOf(Number((await handled(messageIdOf(raw)))!.requestId));
    expect(request.description).toContain('<b>there</b>');
    for (const unsafe of ['<script', 'onclick', 'onerror', 'javascript:', '<img']) expect(request.description).not.toContain(unsafe);
  });

  it('keeps an attachment within the limit and refuses a larger one without storing a byte of it', async () => {
    const filesBefore = storedFiles(files).length;
    const raw = await mail({
      from: ANNA,
      subject: 'Photos of the meter',
      text: 'See attached.',
      attachments: [
        { filename: 'reading.txt', content: 'meter 0451\n', contentType: 'text/plain' },
        { filename: 'huge.bin', content: Buffer.alloc(ATTACHMENT_LIMIT * 3, 7), contentType: 'application/octet-stream' },
      ],
    });
    await deliver(raw);
    const row = (await handled(messageIdOf(raw)))!;
    expect(row.detail).toContain('huge.bin');
    const attachments = await t.dataSource.query('SELECT fileName, size FROM attachments WHERE requestId = ?', [row.requestId]);
    expect(attachments).toEqual([{ fileName: 'reading.txt', size: 11 }]);
    const stored = storedFiles(files);
    expect(stored).toHaveLength(filesBefore + 1);
    expect(stored.every((size) => size <= ATTACHMENT_LIMIT)).toBe(true);
    expect((await requestOf(Number(row.requestId))).description).toContain('huge.bin');
    const listed = await desk.api.ok('olga', 'GET', `/api/requests/${row.requestId}/attachments`, undefined, 200);
    expect(listed.map((file: { fileName: string }) => file.fileName)).toEqual(['reading.txt']);
  });

  it('records a message over the size limit as failed, leaves it on the server, and goes on with the next', async () => {
    const big = await mail({ from: ANNA, subject: 'Too big', text: 'x'.repeat(MESSAGE_LIMIT * 2) });
    const next = await mail({ from: ANNA, subject: 'After the big one', text: 'fine' });
    await deliver(big, next);
    expect(await handled(messageIdOf(big))).toMatchObject({ outcome: 'failed', requestId: null, detail: expect.stringContaining('larger than the limit') });
    expect(await handled(messageIdOf(next))).toMatchObject({ outcome: 'request' });
    expect(await count('SELECT COUNT(*) AS n FROM requests WHERE subject = ?', ['Too big'])).toBe(0);
    const listed = await desk.api.ok('admin', 'GET', `/api/mailboxes/${mailbox}/messages`, undefined, 200);
    expect(listed.find((message: { messageKey: string }) => message.messageKey === messageIdOf(big))).toMatchObject({ outcome: 'failed' });
  });

  it('ignores automatic replies, so that Docket and an out-of-office robot do not answer each other', async () => {
    const raw = await mail({ from: ANNA, subject: 'Out of office', text: 'Back on Monday', headers: { 'Auto-Submitted': 'auto-replied' } });
    await deliver(raw);
    expect(await handled(messageIdOf(raw))).toMatchObject({ outcome: 'ignored', requestId: null });
  });

  it('keeps the mailbox password sealed in the database, and seals one stored in plain at the next start', async () => {
    const stored = async () => (await one<{ password: string }>('SELECT password FROM mailboxes WHERE id = ?', [mailbox])).password;
    expect(await stored()).toMatch(/^sealed:v1:/);
    expect(await stored()).not.toContain(imap.account.password);
    // As a database written before passwords were sealed: the password in plain, still used as it is.
    await retriedWhenLocked(() => t.dataSource.query('UPDATE mailboxes SET password = ? WHERE id = ?', [imap.account.password, mailbox]));
    const before = await mail({ from: STRANGER, subject: 'Before sealing', text: 'Plain password' });
    await deliver(before);
    expect(await handled(messageIdOf(before))).toMatchObject({ outcome: 'request' });
    const restarted = await startSecondProcess(t, { ...ENV, DOCKET_SCHEDULER: '0' });
    await restarted.stop();
    expect(await stored()).toMatch(/^sealed:v1:/);
    const after = await mail({ from: STRANGER, subject: 'After sealing', text: 'Sealed password' });
    await deliver(after);
    expect(await handled(messageIdOf(after))).toMatchObject({ outcome: 'request' });
  });

  it('never answers the mailbox password, and refuses bad input with the error shape, changing nothing', async () => {
    const { ok, as } = desk.api;
    const answers = [await ok('admin', 'GET', `/api/mailboxes/${mailbox}`, undefined, 200), ...(await ok('admin', 'GET', '/api/mailboxes', undefined, 200)), await ok('admin', 'PATCH', `/api/mailboxes/${mailbox}`, { password: 'new-secret-1', name: 'Support desk' }, 200)];
    for (const answer of answers) {
      expect(answer).not.toHaveProperty('password');
      expect(JSON.stringify(answer)).not.toContain(imap.account.password);
      expect(JSON.stringify(answer)).not.toContain('new-secret-1');
    }
    const journal = await t.dataSource.query("SELECT changes FROM audit_entries WHERE entityType = 'mailbox'");
    expect(JSON.stringify(journal)).not.toContain('new-secret-1');
    await ok('admin', 'PATCH', `/api/mailboxes/${mailbox}`, { password: imap.account.password }, 200);
    // Null clears an optional reference (as the console sends a cleared field).
    expect((await ok('admin', 'PATCH', `/api/mailboxes/${mailbox}`, { directionId: null }, 200)).directionId).toBeNull();
    await ok('admin', 'PATCH', `/api/mailboxes/${mailbox}`, { directionId: ids.direction }, 200);

    const before = await count('SELECT COUNT(*) AS n FROM mailboxes');
    const cases: [unknown, string][] = [
      [{ code: 'X', name: 'x', host: 'imap.example', username: 'u', password: 'p', topicId: desk.ids.topic, operatorId: ids.mailer, port: 70000 }, 'port'],
      [{ code: 'X', name: 'x', host: 'imap.example/evil', username: 'u', password: 'p', topicId: desk.ids.topic, operatorId: ids.mailer }, 'host'],
      [{ code: 'X', name: 'x', host: 'imap.example', username: 'u', topicId: desk.ids.topic, operatorId: ids.mailer }, 'password'],
      [{ code: 'X', name: 'x', host: 'imap.example', username: 'u', password: 'p', topicId: 999999, operatorId: ids.mailer }, 'topicId'],
      [{ code: 'X', name: 'x', host: 'imap.example', username: 'u', password: 'p', topicId: desk.ids.topic, operatorId: ids.mailer, pollSeconds: 1 }, 'pollSeconds'],
      [{ code: 'X', name: 'x', host: 'imap.example', username: 'u', password: 'p', topicId: desk.ids.topic, operatorId: ids.mailer, surprise: true }, 'surprise'],
    ];
    for (const [body, path] of cases) {
      const response = await as('admin', 'POST', '/api/mailboxes', body);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      expect(response.body.details.map((detail: { path: string }) => detail.path)).toContain(path);
    }
    const taken = await as('admin', 'POST', '/api/mailboxes', { code: 'SUPPORT', name: 'x', host: 'imap.example', username: 'u', password: 'p', topicId: desk.ids.topic, operatorId: ids.mailer });
    expect(taken.status).toBe(409);
    expect(taken.body.details).toEqual([{ path: 'code', message: expect.any(String) }]);
    expect((await as('olga', 'GET', '/api/mailboxes')).status).toBe(403);
    expect((await as('olga', 'POST', `/api/mailboxes/${mailbox}/poll`)).status).toBe(403);
    expect((await as('admin', 'GET', '/api/mailboxes/999999')).status).toBe(404);
    expect(await count('SELECT COUNT(*) AS n FROM mailboxes')).toBe(before);
  });

  it('records why a mailbox cannot be read and keeps polling it', async () => {
    const { ok } = desk.api;
    await ok('admin', 'PATCH', `/api/mailboxes/${mailbox}`, { password: 'wrong-password' }, 200);
    const failing = await eventually(() => ok('admin', 'GET', `/api/mailboxes/${mailbox}`, undefined, 200), (view) => view.lastError !== null);
    expect(failing.lastError).toEqual(expect.any(String));
    expect(await count("SELECT COUNT(*) AS n FROM scheduled_jobs WHERE kind = 'mail.poll' AND subjectId = ? AND state = 'pending'", [mailbox])).toBe(1);
    await ok('admin', 'PATCH', `/api/mailboxes/${mailbox}`, { password: imap.account.password }, 200);
    const raw = await mail({ from: ANNA, subject: 'After the outage', text: 'ok' });
    await deliver(raw);
    expect(await handled(messageIdOf(raw))).toMatchObject({ outcome: 'request' });
    expect((await ok('admin', 'GET', `/api/mailboxes/${mailbox}`, undefined, 200)).lastError).toBeNull();
  });

  // Two processes writing at once need a database server: SQLite's one writer makes the second process wait its
  // turn, so the polls could not overlap and the test would prove nothing. It is a MariaDB test only.
  const onServerDatabase = (name: string, test: () => Promise<void>) => database === 'mariadb' && it(name, test);

  onServerDatabase('takes each message in once while two server processes poll the same mailbox at the same time', async () => {
    // Each poll takes every waiting message (no cap of 50), so the process that claims the first poll stays inside
    // it for all 150: its sweep cannot claim the second, which the other process, sweeping every second, must take.
    const second: RunningServer = await startSecondProcess(t, { ...ENV, DOCKET_ATTACHMENTS_DIR: files });
    try {
      const subjects = Array.from({ length: 150 }, (_, index) => `Burst ${String(index).padStart(3, '0')}`);
      const uids = await imap.deliver(await Promise.all(subjects.map((subject) => mail({ from: ANNA, subject, text: subject }))));
      const taken = () => count("SELECT COUNT(*) AS n FROM requests WHERE subject LIKE 'Burst %'");
      const pollDueNow = (key: string) => t.dataSource.transaction((manager) => scheduleJobs(manager, [{ kind: 'mail.poll', subjectType: 'mailbox', subjectId: mailbox, dueAt: new Date(), dedupeKey: `two-pollers:${key}` }], new Date()));
      await pollDueNow('first');
      // The second poll falls due once the first is under way, as when a lease ran out under a slow poll.
      await eventually(taken, (n) => n >= 5);
      expect(await taken()).toBeLessThan(subjects.length / 2);
      await pollDueNow('second');
      await eventually(() => one<{ lastUid: number }>('SELECT lastUid FROM mailboxes WHERE id = ?', [mailbox]), (row) => Number(row.lastUid) >= Math.max(...uids), 60_000);
      const polls = await eventually(() => t.dataSource.query("SELECT owner FROM scheduled_jobs WHERE dedupeKey LIKE 'two-pollers:%' AND state = 'done'"), (done) => done.length === 2);
      expect(new Set(polls.map((poll: { owner: string }) => poll.owner.split('-')[0])).size).toBe(2);
      const counts = await t.dataSource.query(`SELECT subject, COUNT(*) AS n FROM requests WHERE subject LIKE 'Burst %' GROUP BY subject ORDER BY subject`);
      expect(counts.map((row: { n: number | string }) => Number(row.n))).toEqual(subjects.map(() => 1));
      expect(await count("SELECT COUNT(*) AS n FROM mail_messages WHERE outcome = 'request' AND requestId IN (SELECT id FROM requests WHERE subject LIKE 'Burst %')")).toBe(subjects.length);
      // One chain of polls goes on, not two.
      expect(await count("SELECT COUNT(*) AS n FROM scheduled_jobs WHERE kind = 'mail.poll' AND subjectId = ? AND state = 'pending'", [mailbox])).toBe(1);
    } finally {
      await second.stop();
    }
  });

  // Last: it kills the server this file started.
  it('loses and repeats nothing when the polling process dies in the middle of a poll', async () => {
    const subjects = Array.from({ length: 60 }, (_, index) => `Crash ${String(index).padStart(2, '0')}`);
    const uids = await imap.deliver(await Promise.all(subjects.map((subject) => mail({ from: ANNA, subject, text: subject }))));
    const taken = () => count("SELECT COUNT(*) AS n FROM requests WHERE subject LIKE 'Crash %'");
    await desk.api.ok('admin', 'POST', `/api/mailboxes/${mailbox}/poll`, undefined, 202);
    await eventually(taken, (n) => n >= 5);
    t.process.kill('SIGKILL');
    const atDeath = await taken();
    expect(atDeath).toBeLessThan(subjects.length);
    const successor = await startSecondProcess(t, { ...ENV, DOCKET_ATTACHMENTS_DIR: files });
    try {
      // The dead process's poll is still claimed; once its lease runs out the successor polls from where it stopped.
      await eventually(() => one<{ lastUid: number }>('SELECT lastUid FROM mailboxes WHERE id = ?', [mailbox]), (row) => Number(row.lastUid) >= Math.max(...uids), 60_000);
      const counts = await t.dataSource.query(`SELECT subject, COUNT(*) AS n FROM requests WHERE subject LIKE 'Crash %' GROUP BY subject ORDER BY subject`);
      expect(counts.map((row: { subject: string; n: number | string }) => [row.subject, Number(row.n)])).toEqual(subjects.map((subject) => [subject, 1]));
    } finally {
      await successor.stop();
    }
  });
});
