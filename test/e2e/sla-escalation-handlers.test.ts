import { AuditEntry } from '../../server/src/audit/audit-entry.entity';
import { Notification } from '../../server/src/notifications/entities/notification.entity';
import { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { ScheduledJob } from '../../server/src/scheduler/entities/scheduled-job.entity';
import { scheduleJob } from '../../server/src/scheduler/job-runner';
import { SlaBreach } from '../../server/src/sla/entities/sla-breach.entity';
import { SLA_BREACH, SlaClocks } from '../../server/src/sla/sla-clocks';
import { retriedWhenLocked } from '../helpers/poll';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { apiAs, eventually, publishRoute, triageRoute } from '../helpers/request-data';
import { SmtpSink } from '../helpers/smtp-sink';
import { addQueue, addStaff } from '../helpers/staff';

const BY_RESOLUTION = { '==': [{ var: 'sla.clock' }, 'resolution'] };

/** One user task, Work; a breach raises the priority, hands the request to the senior queue and tells it; a warning at Work tells the first line. */
const escalatingRoute = () => ({
  code: 'ESCALATING',
  name: 'Escalating',
  version: 1,
  topics: ['ESCALATING'],
  handlers: {
    onSlaBreach: [
      { kind: 'setPriority', priority: 1, when: BY_RESOLUTION },
      { kind: 'assignQueue', queue: 'SENIOR', when: BY_RESOLUTION },
      { kind: 'notify', template: 'esc.breached', recipients: ['queue'] },
    ],
  },
  steps: [
    { id: 'Start', name: 'Registered', kind: 'start' },
    { id: 'Work', name: 'Work', kind: 'userTask', queues: { rules: [], default: 'FIRST' }, handlers: { onSlaWarning: [{ kind: 'notify', template: 'esc.warned', recipients: ['queue'], when: { '==': [{ var: 'step.id' }, 'Work'] } }] } },
    { id: 'Done', name: 'Done', kind: 'end', resolution: 'resolved' },
  ],
  transitions: [
    { id: 'toWork', name: '', from: 'Start', to: 'Work' },
    { id: 'finish', name: 'Finish', from: 'Work', to: 'Done' },
  ],
});

/** A breach handler the server cannot carry out: priority 0 is out of range. */
const brokenRoute = () => ({ ...triageRoute('BROKEN', 'Broken', 'FIRST'), handlers: { onSlaBreach: [{ kind: 'setPriority', priority: 0 }] } });

describe.each(testDatabases())('SLA escalation handlers of routes on %s', (database) => {
  let t: TestApp;
  let smtp: SmtpSink;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const { ok } = apiAs(() => t, tokens);

  const request = (id: number) => t.dataSource.getRepository(CustomerRequest).findOneByOrFail({ id });
  const journal = async (id: number) => (await t.dataSource.getRepository(AuditEntry).find({ where: { entityType: 'request', entityId: String(id) }, order: { id: 'ASC' } })).filter((entry) => entry.action.startsWith('sla.') || entry.action.startsWith('route.sla'));
  const notified = (id: number, event: string) => t.dataSource.getRepository(Notification).countBy({ requestId: id, event });
  const recorded = (id: number, kind: 'warning' | 'breach') => eventually(async () => (await t.dataSource.getRepository(SlaBreach).findOneBy({ requestId: id, clock: 'resolution', kind })) ?? undefined, 30_000, `the ${kind} of request ${id}`);

  /** A request of the topic whose resolution clock started `minutes` minus `seconds` ago against a 60-minute target (warning at 75 %). */
  async function lateRequest(topic: string, seconds: number): Promise<CustomerRequest> {
    const created = await ok('admin', 'POST', '/api/contacts', { requests: [{ topicId: ids[topic], type: 'incident', impact: 2, urgency: 2, subject: `Late ${topic}` }] }, 201);
    const row = await request(created.requests[0].id);
    expect(row.currentSteps).toBe(topic === 'ESCALATING' ? 'Work' : 'Triage');
    // Intake started no clock (the policy wants a category the request has not): started here, back-dated.
    await retriedWhenLocked(() => t.dataSource.transaction((manager) => new SlaClocks().startClocks(manager, row, { client: { category: 'LATE' } }, new Date(Date.now() - 60 * 60_000 + seconds * 1000))));
    return request(row.id);
  }

  beforeAll(async () => {
    smtp = await SmtpSink.onFreePort();
    await smtp.start();
    t = await startTestApp(database, { DOCKET_SMTP_URL: smtp.url, DOCKET_SWEEP_CRON: '* * * * * *', DOCKET_MAIL_DOMAIN: 'docket.test' });
    await addStaff(t, ok, tokens, ids, [['fred', 'specialist'], ['sara', 'specialist']], (login) => ({ email: `${login}@example.com`, locale: 'en', timeZone: 'UTC' }));
    await addQueue(ok, ids, 'FIRST', 'First line', { members: ['fred'] });
    await addQueue(ok, ids, 'SENIOR', 'Senior line', { members: ['sara'] });
    for (const code of ['esc.breached', 'esc.warned']) await ok('admin', 'POST', '/api/notification-templates', { code, language: 'en', name: code, subject: `${code} {{request.number}}`, html: '<p>{{request.subject}}</p>', text: '{{request.subject}}' }, 201);
    for (const code of ['ESCALATING', 'PLAIN', 'BROKEN']) ids[code] = (await ok('admin', 'POST', '/api/topics', { code, name: code, kind: 'topic' }, 201)).id;
    await publishRoute(ok, 'ESCALATING', [ids.ESCALATING], escalatingRoute());
    await publishRoute(ok, 'PLAIN', [ids.PLAIN], triageRoute('PLAIN', 'Plain', 'FIRST'));
    await publishRoute(ok, 'BROKEN', [ids.BROKEN], brokenRoute());
    const calendar = await ok('admin', 'POST', '/api/sla/calendars', { code: 'always', name: 'Always', definition: { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5, 6, 7] } }, 201);
    // The same target at every priority: an escalation to priority 1 moves no deadline, so it sets off no second breach.
    const targets = Object.fromEntries(['1', '2', '3', '4', '5'].map((priority) => [priority, { resolutionMinutes: 60 }]));
    await ok('admin', 'POST', '/api/sla/policies', { code: 'late', name: 'Late', condition: { '==': [{ var: 'client.category' }, 'LATE'] }, calendarId: calendar.id, targets, warningPercent: 75 }, 201);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('runs the waiting step\'s warning handlers, then the route\'s breach handlers, in the transactions that record them', async () => {
    const late = await lateRequest('ESCALATING', 12);
    expect(late.queueId).toBe(ids.FIRST);
    expect(late.priority).toBeGreaterThan(1);

    await recorded(late.id, 'warning');
    const warned = await request(late.id);
    expect(warned).toMatchObject({ priority: late.priority, queueId: ids.FIRST, version: late.version + 1 });
    expect(await notified(late.id, 'esc.warned')).toBe(1);
    const warning = (await journal(late.id)).find((entry) => entry.action === 'route.slaEscalation');
    expect(warning?.changes[0].new).toMatchObject({ action: 'slaEscalation', stepId: 'Work', detail: 'onSlaWarning (warning of resolution): notify', explanation: { value: true, inputs: { 'step.id': 'Work' } } });

    const breach = await recorded(late.id, 'breach');
    // The breach keeps the request as it was when the deadline passed; the escalation changes it after.
    expect(breach).toMatchObject({ priority: late.priority, queueId: ids.FIRST });
    const escalated = await request(late.id);
    expect(escalated).toMatchObject({ priority: 1, queueId: ids.SENIOR, currentSteps: 'Work', version: warned.version + 1, awaitingAcceptance: false });
    expect(await notified(late.id, 'esc.breached')).toBe(1);
    const all = await journal(late.id);
    expect(all.slice(0, 3).map((entry) => entry.action)).toEqual(['sla.warning', 'sla.warning.escalation', 'route.slaEscalation']);
    const lines = all.slice(3);
    expect(lines.map((entry) => entry.action)).toEqual(['sla.breach', 'sla.breach.escalation', 'route.slaEscalation', 'route.slaEscalation', 'route.slaEscalation']);
    expect(lines[1].changes).toEqual(expect.arrayContaining([{ field: 'priority', old: late.priority, new: 1 }, { field: 'queueId', old: ids.FIRST, new: ids.SENIOR }]));
    expect(lines.slice(2).map((entry) => entry.changes[0].new)).toEqual([
      { action: 'slaEscalation', stepId: 'Work', detail: 'onSlaBreach (breach of resolution): setPriority', explanation: { rule: BY_RESOLUTION, value: true, inputs: { 'sla.clock': 'resolution' } } },
      { action: 'slaEscalation', stepId: 'Work', detail: 'onSlaBreach (breach of resolution): assignQueue', explanation: { rule: BY_RESOLUTION, value: true, inputs: { 'sla.clock': 'resolution' } } },
      { action: 'slaEscalation', stepId: 'Work', detail: 'onSlaBreach (breach of resolution): notify' },
    ]);

    // The same breach timer once more: its breach is recorded, so nothing is escalated again.
    const jobs = t.dataSource.getRepository(ScheduledJob);
    const payload = { clock: 'resolution', deadline: breach.deadline.toISOString() };
    const journaled = all.length;
    await t.dataSource.transaction((manager) => scheduleJob(manager, { kind: SLA_BREACH, dueAt: new Date(Date.now() - 1000), dedupeKey: `replay:${late.id}`, subjectType: 'request', subjectId: late.id, payload }, new Date()));
    await eventually(async () => ((await jobs.findOneByOrFail({ dedupeKey: `replay:${late.id}` })).state === 'done' ? true : undefined), 20_000, 'the replayed timer');
    expect(await request(late.id)).toMatchObject({ priority: 1, queueId: ids.SENIOR, version: escalated.version });
    expect(await notified(late.id, 'esc.breached')).toBe(1);
    expect((await journal(late.id)).length).toBe(journaled);
    expect(await t.dataSource.getRepository(SlaBreach).countBy({ requestId: late.id, kind: 'breach' })).toBe(1);
  });

  it('leaves a request whose route has no escalation handlers untouched', async () => {
    const late = await lateRequest('PLAIN', 2);
    await recorded(late.id, 'breach');
    expect(await request(late.id)).toMatchObject({ priority: late.priority, queueId: late.queueId, version: late.version });
    // Its warning may or may not have come before the deadline passed; neither escalates.
    expect((await journal(late.id)).map((entry) => entry.action).filter((action) => action !== 'sla.warning')).toEqual(['sla.breach']);
  });

  it('records the breach and journals an escalation the server cannot carry out, changing nothing else', async () => {
    const late = await lateRequest('BROKEN', 2);
    await recorded(late.id, 'breach');
    expect(await request(late.id)).toMatchObject({ priority: late.priority, version: late.version });
    const lines = (await journal(late.id)).filter((entry) => entry.action !== 'sla.warning');
    expect(lines.map((entry) => entry.action)).toEqual(['sla.breach', 'sla.breach.escalationFailed']);
    expect(lines[1].changes).toEqual([{ field: 'route', old: null, new: { clock: 'resolution', code: 'invalid_priority', message: 'The route set priority 0' } }]);
  });
});
