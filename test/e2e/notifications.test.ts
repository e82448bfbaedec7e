import { AuditEntry } from '../../server/src/audit/audit-entry.entity';
import { NotificationTemplate } from '../../server/src/notifications/entities/notification-template.entity';
import { Notification } from '../../server/src/notifications/entities/notification.entity';
import { OutboxMessage } from '../../server/src/notifications/entities/outbox-message.entity';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { apiAs, eventually, publishRoute } from '../helpers/request-data';
import { ReceivedMail, SmtpSink } from '../helpers/smtp-sink';
import { addQueue, addStaff } from '../helpers/staff';

/** RFC 2047 encoded words (how nodemailer writes a non-ASCII subject) back to text. */
function decodeHeader(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_whole, encoding: string, text: string) =>
    encoding.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_hex, code: string) => String.fromCharCode(parseInt(code, 16))), 'latin1').toString('utf8'),
  );
}

/** The text/plain and text/html parts of a received mail, their transfer encoding (base64, quoted-printable) undone. */
function mailParts(mail: ReceivedMail): Record<string, string> {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(mail.raw)?.[1];
  const parts = boundary ? mail.raw.split(`--${boundary}`).slice(1, -1) : [];
  return Object.fromEntries(
    parts.map((part) => {
      const [head, ...rest] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
      const body = rest.join('\n\n');
      const type = /content-type:\s*([^;\s]+)/i.exec(head)?.[1] ?? '';
      const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(head)?.[1]?.toLowerCase();
      const bytes =
        encoding === 'base64'
          ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
          : Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_hex, code: string) => String.fromCharCode(parseInt(code, 16))), 'latin1');
      return [type, bytes.toString('utf8').replace(/\r\n/g, '\n').trim()];
    }),
  );
}

/** Server-sent events read with fetch, as a test client: each `event:`/`data:` block in arrival order. */
class EventStream {
  private buffer = '';
  private readonly events: { event: string; data: unknown; id?: string }[] = [];
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private pending: ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']> | null = null;

  constructor(
    body: ReadableStream<Uint8Array>,
    private readonly abort: AbortController,
  ) {
    this.reader = body.getReader();
  }

  async next(event: string, timeoutMs = 15_000): Promise<{ event: string; data: unknown; id?: string }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.events.findIndex((candidate) => candidate.event === event);
      if (index >= 0) return this.events.splice(index, 1)[0];
      if (Date.now() > deadline) throw new Error(`no "${event}" event within ${timeoutMs} ms`);
      // A read that loses the race stays pending and is awaited next time round, so no chunk is dropped.
      this.pending ??= this.reader.read();
      const chunk = await Promise.race([this.pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), 500))]);
      if (!chunk) continue;
      this.pending = null;
      if (chunk.done) throw new Error('the stream ended');
      this.parse(this.decoder.decode(chunk.value, { stream: true }));
    }
  }

  close(): void {
    this.abort.abort();
  }

  private parse(text: string): void {
    this.buffer += text;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const field = (name: string) => block.split('\n').find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
      const event = field('event');
      if (event) this.events.push({ event, data: JSON.parse(field('data') ?? 'null'), id: field('id') });
    }
  }
}

describe.each(testDatabases())('notifications on %s', (database) => {
  let t: TestApp;
  let smtp: SmtpSink;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const { as, ok } = apiAs(() => t, tokens);
  let requestId: number;
  let requestNumber: string;
  let discussionId: number;

  const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));
  const outboxFor = (eventKey: string, recipient: string) => t.dataSource.getRepository(OutboxMessage).findOneBy({ eventKey, recipient });
  const openStream = async (who: string): Promise<EventStream> => {
    const { url } = await ok(who, 'POST', '/api/me/notifications/stream-ticket', undefined, 201);
    const abort = new AbortController();
    const response = await fetch(`${t.url}${url}`, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    return new EventStream(response.body!, abort);
  };

  beforeAll(async () => {
    smtp = await SmtpSink.onFreePort();
    await smtp.start();
    t = await startTestApp(database, { DOCKET_SMTP_URL: smtp.url, DOCKET_SWEEP_CRON: '* * * * * *', DOCKET_MAIL_DOMAIN: 'docket.test' });
    const settings: Record<string, { locale: string; timeZone: string }> = { olga: { locale: 'en', timeZone: 'UTC' }, pavel: { locale: 'ru', timeZone: 'Europe/Moscow' }, vera: { locale: 'en', timeZone: 'UTC' } };
    await addStaff(t, ok, tokens, ids, [['olga', 'operator'], ['pavel', 'specialist'], ['vera', 'specialist']], (login) => ({ name: `${login[0].toUpperCase()}${login.slice(1)}`, email: `${login}@example.com`, ...settings[login] }));
    await addQueue(ok, ids, 'SECOND', 'Second line', { members: ['pavel', 'vera'] });
    ids.GROUP = (await ok('admin', 'POST', '/api/topics', { code: 'IT', name: 'IT', kind: 'group' }, 201)).id;
    ids.REPAIR = (await ok('admin', 'POST', '/api/topics', { code: 'REPAIR', name: 'Repair', kind: 'topic', parentId: ids.GROUP }, 201)).id;
    ids.CITY = (await ok('admin', 'POST', '/api/attributes', { code: 'CITY', name: 'City', valueType: 'string' }, 201)).id;
    await ok('admin', 'POST', `/api/topics/${ids.GROUP}/attributes`, { attributeId: ids.CITY }, 201);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('seeds a template per event and language, and refuses bad ones with the path, changing nothing', async () => {
    const seeded = await ok('admin', 'GET', '/api/notification-templates?pageSize=100', undefined, 200);
    expect(seeded.total).toBe(16);
    expect(seeded.items.filter((row: NotificationTemplate) => row.builtIn && row.language === 'ru').map((row: NotificationTemplate) => row.code).sort()).toEqual(
      ['comment.added', 'request.assigned', 'request.closed', 'request.created', 'request.resolved', 'request.status_changed', 'sla.breach', 'sla.warning'],
    );
    expect((await as('olga', 'GET', '/api/notification-templates')).status).toBe(403);

    const good = { code: 'repair.done', language: 'en', name: 'Repair done', subject: 'Done: {{request.number}}', html: '<p>{{request.subject}} in {{attributes.CITY}}</p>', text: '{{request.subject}}' };
    const unknown = await as('admin', 'POST', '/api/notification-templates', { ...good, html: '<p>{{request.number}}</p>\n<p>{{request.colour}}</p>', text: '{{#recipient.isVip}}hi{{/recipient.isVip}}' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ code: 'invalid_template', message: 'The template is not valid', details: [{ path: 'html', message: 'line 2: unknown variable {{request.colour}}' }, { path: 'text', message: 'line 1: unknown variable {{recipient.isVip}}' }] });
    const broken = await as('admin', 'POST', '/api/notification-templates', { ...good, subject: '{{#request.queue}}x', html: '{{{request.subject}}}' });
    expect(broken.body.details).toEqual([
      { path: 'subject', message: 'line 1: {{#request.queue}} is never closed' },
      { path: 'html', message: 'line 1: unescaped output {{{request.subject}}} is not allowed' },
    ]);
    const invalid = await as('admin', 'POST', '/api/notification-templates', { ...good, language: 'de', extra: 1 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['extra', 'language']);
    expect(await t.dataSource.getRepository(NotificationTemplate).count()).toBe(16);

    const created = await ok('admin', 'POST', '/api/notification-templates', good, 201);
    expect(created).toMatchObject({ code: 'repair.done', builtIn: false, active: true });
    expect((await as('admin', 'POST', '/api/notification-templates', good)).status).toBe(409);
    const badEdit = await as('admin', 'PATCH', `/api/notification-templates/${created.id}`, { subject: '{{nope}}' });
    expect(badEdit.body.details).toEqual([{ path: 'subject', message: 'line 1: unknown variable {{nope}}' }]);
    expect((await ok('admin', 'GET', `/api/notification-templates/${created.id}`, undefined, 200)).subject).toBe(good.subject);
    await ok('admin', 'PATCH', `/api/notification-templates/${created.id}`, { subject: 'Repaired: {{request.number}}' }, 200);
    await ok('admin', 'DELETE', `/api/notification-templates/${created.id}`, undefined, 204);
    const builtIn = seeded.items.find((row: NotificationTemplate) => row.code === 'sla.breach' && row.language === 'en');
    expect((await as('admin', 'DELETE', `/api/notification-templates/${builtIn.id}`)).body.code).toBe('built_in_template');
    const journal = await t.dataSource.getRepository(AuditEntry).find({ where: { entityType: 'notificationTemplate' }, order: { id: 'ASC' } });
    expect(journal.map((entry) => [entry.action, entry.entityId])).toEqual([
      ['create', String(created.id)],
      ['update', String(created.id)],
      ['delete', String(created.id)],
    ]);
    expect(journal[1].changes).toEqual([{ field: 'subject', old: 'Done: {{request.number}}', new: 'Repaired: {{request.number}}' }]);
  });

  it('mails the queue on creation and the assignee on assignment, each in their language, with values escaped in HTML', async () => {
    const assigned = (await ok('admin', 'GET', '/api/notification-templates?code=request.assigned&language=ru', undefined, 200)).items[0];
    await ok('admin', 'PATCH', `/api/notification-templates/${assigned.id}`, { html: '<p>Обращение {{request.number}} «{{request.subject}}»</p><p>Город: {{attributes.CITY}}</p>', text: 'Обращение {{request.number}} «{{request.subject}}»{{#actor.name}} (назначил(а) {{actor.name}}){{/actor.name}}.\nГород: {{attributes.CITY}}' }, 200);

    ids.ivan = (await ok('olga', 'POST', '/api/contact-persons', { name: 'Ivan Petrov', emails: [{ value: 'ivan@example.com' }] }, 201)).id;
    const contact = await ok('olga', 'POST', '/api/contacts', { contactPersonId: ids.ivan, requests: [{ topicId: ids.REPAIR, type: 'incident', impact: 2, urgency: 2, subject: 'Tom & Jerry', queueId: ids.SECOND, attributes: { CITY: '<script>alert(1)</script>' } }] }, 201);
    requestId = contact.requests[0].id;
    requestNumber = contact.requests[0].number;
    const created = await eventually(async () => (mailsTo('pavel@example.com').length && mailsTo('vera@example.com').length && mailsTo('ivan@example.com').length ? true : undefined), 20_000, 'the creation mails');
    expect(created).toBe(true);
    expect(decodeHeader(mailsTo('vera@example.com')[0].header('subject')!)).toBe(`Request ${requestNumber} registered: Tom & Jerry`);
    expect(decodeHeader(mailsTo('pavel@example.com')[0].header('subject')!)).toBe(`Обращение ${requestNumber} зарегистрировано: Tom & Jerry`);
    expect(mailsTo('olga@example.com')).toEqual([]);
    // The customer's contact person hears of it too, in the language of the operator who took the call.
    expect(decodeHeader(mailsTo('ivan@example.com')[0].header('subject')!)).toBe(`Request ${requestNumber} registered: Tom & Jerry`);
    expect(mailParts(mailsTo('ivan@example.com')[0])['text/plain']).toMatch(/^Hello, Ivan Petrov\.\n/);

    const version = (await ok('admin', 'GET', `/api/requests/${requestId}`, undefined, 200)).request.version;
    await ok('vera', 'POST', `/api/requests/${requestId}/assign`, { assigneeId: ids.pavel, expectedVersion: version }, 200);
    const mail = await eventually(async () => mailsTo('pavel@example.com').find((candidate) => decodeHeader(candidate.header('subject') ?? '').startsWith('Вам назначено')), 20_000, 'the assignment mail');
    expect(decodeHeader(mail.header('subject')!)).toBe(`Вам назначено обращение ${requestNumber}: Tom & Jerry`);
    const parts = mailParts(mail);
    expect(parts['text/html']).toBe(`<p>Обращение ${requestNumber} «Tom &amp; Jerry»</p><p>Город: &lt;script&gt;alert(1)&lt;/script&gt;</p>`);
    expect(parts['text/plain']).toBe(`Обращение ${requestNumber} «Tom & Jerry» (назначил(а) Vera).\nГород: <script>alert(1)</script>`);
    // Threaded under the creation mail the same person received.
    expect(mail.header('In-Reply-To')).toBe(mailsTo('pavel@example.com')[0].header('Message-ID'));
    expect(mailsTo('vera@example.com')).toHaveLength(1);
    expect(mailsTo('ivan@example.com')).toHaveLength(1);
  });

  it('lists in-app notifications with the unread count, and marks them read one by one or all at once', async () => {
    const all = await ok('pavel', 'GET', '/api/me/notifications', undefined, 200);
    expect(all.items.map((item: Notification) => item.event)).toEqual(['request.assigned', 'request.created']);
    expect(all).toMatchObject({ total: 2, unread: 2 });
    expect(all.items[0]).toMatchObject({ requestId, read: false, title: `Вам назначено обращение ${requestNumber}: Tom & Jerry` });
    expect(all.items[0].body).toContain('Город: <script>alert(1)</script>');
    expect((await ok('vera', 'GET', '/api/me/notifications', undefined, 200)).total).toBe(1);
    expect((await as('vera', 'POST', `/api/me/notifications/${all.items[0].id}/read`)).status).toBe(404);
    expect(await ok('pavel', 'POST', `/api/me/notifications/${all.items[0].id}/read`, undefined, 200)).toMatchObject({ id: all.items[0].id, read: true });
    const unread = await ok('pavel', 'GET', '/api/me/notifications?unread=true', undefined, 200);
    expect(unread).toMatchObject({ total: 1, unread: 1, items: [{ event: 'request.created' }] });
    expect((await as('pavel', 'GET', '/api/me/notifications?unread=maybe')).status).toBe(400);
    expect(await ok('pavel', 'POST', '/api/me/notifications/read-all', undefined, 200)).toEqual({ updated: 1 });
    expect((await ok('pavel', 'GET', '/api/me/notifications', undefined, 200)).unread).toBe(0);
    expect((await ok('vera', 'GET', '/api/me/notifications', undefined, 200)).unread).toBe(1);
  });

  it('streams notifications written after the stream opened, by the server or by another process, and spends each ticket once', async () => {
    expect((await fetch(`${t.url}/api/me/notifications/stream`)).status).toBe(401);
    const stream = await openStream('pavel');
    try {
      expect((await stream.next('ready')).data).toEqual({ unread: 0 });
      discussionId = (await ok('vera', 'POST', `/api/requests/${requestId}/discussions`, { title: 'Parts', visibility: 'internal' }, 201)).id;
      const comment = await ok('vera', 'POST', `/api/requests/${requestId}/discussions/${discussionId}/comments`, { body: '<p>The <b>toner</b> is &amp; was empty</p>' }, 201);
      const pushed = await stream.next('notification');
      expect(pushed.data).toMatchObject({ event: 'comment.added', requestId, read: false, body: 'Vera пишет в обсуждении «Parts»:\nThe toner is & was empty' });
      expect(Number(pushed.id)).toBe((await t.dataSource.getRepository(Notification).findOneByOrFail({ eventKey: `request:${requestId}:comment.added:${comment.id}` })).id);
      // A row another process wrote (this test's own connection) arrives too: the stream polls the table.
      const { identifiers } = await t.dataSource.getRepository(Notification).insert({ userId: ids.pavel, event: 'request.status_changed', eventKey: 'written-elsewhere', requestId, title: 'From another process', body: 'hello', readAt: null, createdAt: new Date() });
      expect(await stream.next('notification')).toMatchObject({ id: String(identifiers[0].id), data: { title: 'From another process', event: 'request.status_changed' } });
      await t.dataSource.getRepository(Notification).delete({ eventKey: 'written-elsewhere' });
    } finally {
      stream.close();
    }
    const { url } = await ok('pavel', 'POST', '/api/me/notifications/stream-ticket', undefined, 201);
    const first = new AbortController();
    expect((await fetch(`${t.url}${url}`, { signal: first.signal })).status).toBe(200);
    first.abort();
    const again = await fetch(`${t.url}${url}`);
    expect({ status: again.status, body: await again.json() }).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
  });

  it('keeps in-app but sends no mail for an event whose e-mail the user switched off', async () => {
    const defaults = await ok('pavel', 'GET', '/api/me/notification-preferences', undefined, 200);
    expect(defaults).toHaveLength(8);
    expect(defaults.every((choice: { email: boolean; inApp: boolean }) => choice.email && choice.inApp)).toBe(true);
    const bad = await as('pavel', 'PUT', '/api/me/notification-preferences', { preferences: [{ event: 'request.exploded', email: false, inApp: true }] });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('preferences.0.event');
    const saved = await ok('pavel', 'PUT', '/api/me/notification-preferences', { preferences: [{ event: 'comment.added', email: false, inApp: true }] }, 200);
    expect(saved.find((choice: { event: string }) => choice.event === 'comment.added')).toEqual({ event: 'comment.added', email: false, inApp: true });
    expect(await t.dataSource.getRepository(AuditEntry).countBy({ entityType: 'user', entityId: String(ids.pavel), action: 'notificationPreferences' })).toBe(1);

    const before = await t.dataSource.getRepository(Notification).findOneByOrFail({ userId: ids.pavel, event: 'comment.added' });
    expect(await outboxFor(before.eventKey, 'pavel@example.com')).not.toBeNull();
    const comment = await ok('vera', 'POST', `/api/requests/${requestId}/discussions/${discussionId}/comments`, { body: '<p>Ordered a new one</p>' }, 201);
    const eventKey = `request:${requestId}:comment.added:${comment.id}`;
    expect(await t.dataSource.getRepository(Notification).countBy({ userId: ids.pavel, eventKey })).toBe(1);
    expect(await outboxFor(eventKey, 'pavel@example.com')).toBeNull();
    expect(await outboxFor(eventKey, 'vera@example.com')).toBeNull();
  });

  it("honours each queue member's channels when the whole queue hears of a new request", async () => {
    await ok('pavel', 'PUT', '/api/me/notification-preferences', { preferences: [{ event: 'comment.added', email: false, inApp: true }, { event: 'request.created', email: false, inApp: true }] }, 200);
    await ok('vera', 'PUT', '/api/me/notification-preferences', { preferences: [{ event: 'request.created', email: true, inApp: false }] }, 200);
    const created = await ok('olga', 'POST', '/api/contacts', { requests: [{ topicId: ids.REPAIR, type: 'incident', impact: 2, urgency: 2, subject: 'Nobody assigned', queueId: ids.SECOND, attributes: { CITY: 'Tver' } }] }, 201);
    const eventKey = `request:${created.requests[0].id}:request.created`;
    expect(await t.dataSource.getRepository(Notification).find({ where: { eventKey }, select: { userId: true } })).toEqual([{ userId: ids.pavel }]);
    expect(await outboxFor(eventKey, 'pavel@example.com')).toBeNull();
    expect(await outboxFor(eventKey, 'vera@example.com')).not.toBeNull();
  });

  it("renders a route's notify action through the template row its code names, in each recipient's language", async () => {
    for (const [language, subject] of [['en', 'Triage {{request.number}} for {{recipient.name}}'], ['ru', 'Разбор {{request.number}} для {{recipient.name}}']]) {
      await ok('admin', 'POST', '/api/notification-templates', { code: 'triage.hello', language, name: 'Triage', subject, html: '<p>{{request.subject}}: {{attributes.CITY}}</p>', text: '{{request.subject}}' }, 201);
    }
    ids.ROUTED = (await ok('admin', 'POST', '/api/topics', { code: 'ROUTED', name: 'Routed', kind: 'topic', parentId: ids.GROUP }, 201)).id;
    await publishRoute(ok, 'TRIAGE', [ids.ROUTED], {
      code: 'TRIAGE',
      name: 'Triage',
      version: 1,
      topics: ['ROUTED'],
      steps: [
        { id: 'Start', name: 'Registered', kind: 'start' },
        { id: 'Triage', name: 'Triage', kind: 'userTask', queues: { rules: [], default: 'SECOND' }, handlers: { onEnter: [{ kind: 'notify', template: 'triage.hello', recipients: ['queue', 'contact'] }] } },
        { id: 'Done', name: 'Done', kind: 'end', resolution: 'resolved' },
      ],
      transitions: [
        { id: 'toTriage', name: '', from: 'Start', to: 'Triage' },
        { id: 'finish', name: 'Finish', from: 'Triage', to: 'Done' },
      ],
    });
    const created = await ok('olga', 'POST', '/api/contacts', { contactPersonId: ids.ivan, requests: [{ topicId: ids.ROUTED, type: 'incident', impact: 2, urgency: 2, subject: 'Fax 1 < 2', attributes: { CITY: 'A&B' } }] }, 201);
    const { id, number } = created.requests[0];
    const routed = (await t.dataSource.getRepository(OutboxMessage).find({ order: { id: 'ASC' } })).filter((mail) => mail.eventKey.startsWith(`request:${id}:`) && !mail.eventKey.includes('request.created'));
    // The contact person is no user: written to in the language of the operator who registered the request, by address.
    expect(routed.map((mail) => [mail.recipient, mail.subject])).toEqual([
      ['pavel@example.com', `Разбор ${number} для Pavel`],
      ['vera@example.com', `Triage ${number} for Vera`],
      ['ivan@example.com', `Triage ${number} for ivan@example.com`],
    ]);
    expect(routed[1].html).toBe('<p>Fax 1 &lt; 2: A&amp;B</p>');
    expect(routed[1].text).toBe('Fax 1 < 2');
    expect(await t.dataSource.getRepository(Notification).countBy({ requestId: id, event: 'triage.hello' })).toBe(2);
  });
});
