import { AuditEntry } from '../../server/src/audit/audit-entry.entity';
import { SlaLedgerEntry } from '../../server/src/sla/entities/sla-ledger-entry.entity';
import { SlaCalendar } from '../../server/src/sla/entities/sla-calendar.entity';
import { SlaClocks } from '../../server/src/sla/sla-clocks';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { SmtpSink } from '../helpers/smtp-sink';
import { insertRequest, insertUser } from '../integration/sla-fixtures';

async function eventually<T>(probe: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.each(testDatabases())('the SLA API on %s', (database) => {
  let t: TestApp;
  let smtp: SmtpSink;
  let admin: string;
  let calendarId: number;
  let policyId: number;
  let requestId: number;

  beforeAll(async () => {
    smtp = await SmtpSink.onFreePort();
    await smtp.start();
    t = await startTestApp(database, { DOCKET_SMTP_URL: smtp.url, DOCKET_SWEEP_CRON: '* * * * * *', DOCKET_MAIL_DOMAIN: 'docket.test' });
    admin = await t.loginAs('admin', t.adminPassword);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('refuses an invalid calendar with the path of each problem, and stores nothing', async () => {
    const response = await t.call('POST', '/api/sla/calendars', { token: admin, body: { code: 'bad', name: 'Bad', definition: { timeZone: 'Mars/Olympus', holidays: ['2026-02-30'] } } });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'invalid_calendar', details: [{ path: 'definition.timeZone' }, { path: 'definition.holidays.0' }] });
    expect(await t.dataSource.getRepository(SlaCalendar).count()).toBe(0);
  });

  it('creates a 24x7 calendar and a policy whose rules are validated against what they may read', async () => {
    const calendar = await t.call('POST', '/api/sla/calendars', { token: admin, body: { code: 'always', name: 'Around the clock', definition: { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5, 6, 7] } } });
    expect(calendar.status).toBe(201);
    calendarId = calendar.body.id;
    const policy = { code: 'vip', name: 'VIP', condition: { '==': [{ var: 'client.category' }, 'VIP'] }, calendarId, targets: { '2': { reactionMinutes: 60, resolutionMinutes: 480 }, '1': { reactionMinutes: 30, resolutionMinutes: 240 } }, warningPercent: 75 };
    const bad = await t.call('POST', '/api/sla/policies', { token: admin, body: { ...policy, condition: { '==': [{ var: 'client.colour' }, 'VIP'] }, targets: { '9': { reactionMinutes: 0 } } } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_policy');
    expect(bad.body.details.map((detail: { path: string }) => detail.path)).toEqual(expect.arrayContaining(['targets.9', 'targets.9.reactionMinutes']));
    expect(bad.body.details.some((detail: { path: string }) => detail.path.startsWith('condition'))).toBe(true);
    const created = await t.call('POST', '/api/sla/policies', { token: admin, body: policy });
    expect(created.status).toBe(201);
    policyId = created.body.id;
    expect((await t.call('GET', '/api/sla/policies', { token: admin })).body.map((row: { code: string }) => row.code)).toEqual(['vip']);
  });

  it('fires the warning and the breach in the running server and mails the assignee once each', async () => {
    const assignee = await insertUser(t.dataSource.manager, 'anna');
    const request = await insertRequest(t.dataSource.manager, { topicId: 1, priority: 2, assigneeId: assignee });
    requestId = request.id;
    // Started 59 min 57 s ago with a 60-minute reaction target: the warning (75 %) is already due, the breach in 3 s.
    const started = new Date(Date.now() - 60 * 60_000 + 3_000);
    await t.dataSource.transaction((manager) => new SlaClocks().startClocks(manager, request, { client: { category: 'VIP' } }, started));
    const subjects = await eventually(() => smtp.received.map((mail) => mail.header('subject') ?? ''), (list) => list.filter((subject) => subject.includes('reaction')).length >= 2);
    expect(subjects.filter((subject) => subject.startsWith('The reaction deadline is near'))).toHaveLength(1);
    expect(subjects.filter((subject) => subject.startsWith('The reaction deadline was missed'))).toHaveLength(1);
    const breaches = await t.call('GET', '/api/sla/breaches?state=current', { token: admin });
    expect(breaches.status).toBe(200);
    expect(breaches.body.items.map((row: { requestId: number; clock: string; kind: string }) => [row.requestId, row.clock, row.kind])).toEqual([[requestId, 'reaction', 'breach']]);
    expect((await t.call('GET', `/api/sla/breaches?kind=warning&assigneeId=${assignee + 1}`, { token: admin })).body.total).toBe(0);
    expect((await t.call('GET', '/api/sla/breaches?state=sometimes', { token: admin })).status).toBe(400);
  });

  it('explains the clocks and answers what-if without changing anything', async () => {
    const clocks = await t.call('GET', `/api/sla/requests/${requestId}/clocks`, { token: admin });
    expect(clocks.status).toBe(200);
    const resolution = clocks.body.find((clock: { clock: string }) => clock.clock === 'resolution');
    expect(resolution).toMatchObject({ state: 'running', targetMinutes: 480, policyId, calendarId });
    expect(resolution.explanation.lines[0].note).toBe(`started at priority 2 on calendar '${calendarId}', target 8 h`);
    const ledgerBefore = await t.dataSource.getRepository(SlaLedgerEntry).count();
    const whatIf = await t.call('POST', `/api/sla/requests/${requestId}/what-if`, { token: admin, body: { priority: 1 } });
    expect(whatIf.status).toBe(200);
    const change = whatIf.body.clocks.find((clock: { clock: string }) => clock.clock === 'resolution');
    // 24x7: priority 1 takes the resolution target from 8 h to 4 h after the same start.
    expect(Date.parse(change.current.deadline) - Date.parse(change.hypothetical.deadline)).toBe(4 * 3_600_000);
    expect(await t.dataSource.getRepository(SlaLedgerEntry).count()).toBe(ledgerBefore);
    expect((await t.call('POST', `/api/sla/requests/${requestId}/what-if`, { token: admin, body: {} })).status).toBe(400);
    expect((await t.call('POST', `/api/sla/requests/${requestId}/what-if`, { token: admin, body: { calendarId: 999 } })).body.code).toBe('unknown_reference');
  });

  it('changes one deadline by hand with a reason, audited; bad input changes nothing', async () => {
    const deadline = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const tooEarly = await t.call('POST', `/api/sla/requests/${requestId}/deadline`, { token: admin, body: { deadline: '2020-01-01T00:00:00Z', reason: 'customer asked' } });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.details).toEqual([{ path: 'deadline', message: 'must be later than now' }]);
    expect((await t.call('POST', `/api/sla/requests/${requestId}/deadline`, { token: admin, body: { deadline } })).status).toBe(400);
    const changed = await t.call('POST', `/api/sla/requests/${requestId}/deadline`, { token: admin, body: { deadline, reason: 'agreed with the customer' } });
    expect(changed.status).toBe(200);
    expect(changed.body.find((clock: { clock: string }) => clock.clock === 'resolution').deadline).toBe(deadline);
    const audit = await t.dataSource.getRepository(AuditEntry).findOneByOrFail({ entityType: 'request', entityId: String(requestId), action: 'sla.deadline' });
    expect(audit.actorLogin).toBe('admin');
    expect(audit.changes).toEqual(expect.arrayContaining([{ field: 'reason', old: null, new: 'agreed with the customer' }]));
    expect((await t.call('POST', '/api/sla/requests/999999/deadline', { token: admin, body: { deadline, reason: 'nobody' } })).status).toBe(404);
  });
});
