import { SlaBreach } from '../../server/src/sla/entities/sla-breach.entity';
import { ScheduledJob } from '../../server/src/scheduler/entities/scheduled-job.entity';
import { SlaLedgerEntry } from '../../server/src/sla/entities/sla-ledger-entry.entity';
import { SLA_BREACH } from '../../server/src/sla/sla-clocks';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';

const MINUTE = 60_000;

/** Triage, then Repair — which raises the priority to 1 as the request enters it — then Done. */
const repairRoute = () => ({
  code: 'REPAIR',
  name: 'Repair',
  version: 1,
  topics: ['REPAIR'],
  steps: [
    { id: 'Start', name: 'Registered', kind: 'start' },
    { id: 'Triage', name: 'Triage', kind: 'userTask', queues: { rules: [], default: 'FIRST' } },
    { id: 'Repair', name: 'Repair', kind: 'userTask', queues: { rules: [], default: 'FIRST' }, handlers: { onEnter: [{ kind: 'setPriority', priority: 1 }] } },
    { id: 'Done', name: 'Done', kind: 'end', resolution: 'resolved' },
  ],
  transitions: [
    { id: 'toTriage', name: '', from: 'Start', to: 'Triage' },
    { id: 'escalate', name: 'Escalate', from: 'Triage', to: 'Repair' },
    { id: 'solve', name: 'Solve', from: 'Repair', to: 'Done' },
  ],
});

/** The instant a Berlin calendar day begins: +01:00 in winter, +02:00 in summer, whichever reads as midnight there. */
function berlinMidnight(day: string): number {
  const local = (instant: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  const found = ['+01:00', '+02:00'].map((offset) => Date.parse(`${day}T00:00:00${offset}`)).find((instant) => local(instant) === `${day}, 00:00`);
  if (found === undefined) throw new Error(`no Berlin midnight on ${day}`);
  return found;
}
const berlinDay = (instant: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(instant);

describe.each(testDatabases())('SLA clocks following requests through the API on %s', (database) => {
  let t: TestApp;
  let admin: string;
  const ids: Record<string, number> = {};

  const ok = async (method: string, path: string, body: unknown, status: number) => {
    const response = await t.call(method, path, { token: admin, body });
    expect({ path, status: response.status, body: response.status === status ? undefined : response.body }).toEqual({ path, status, body: undefined });
    return response.body;
  };
  const clocksOf = async (id: number) => Object.fromEntries(((await ok('GET', `/api/sla/requests/${id}/clocks`, undefined, 200)) as { clock: string; state: string }[]).map((view) => [view.clock, view]));
  const row = async (id: number) => (await t.dataSource.query('SELECT version, dueAt, priority FROM requests WHERE id = ?', [id]))[0] as { version: number; dueAt: string | Date | null; priority: number };
  const instant = (value: string | Date | null) => (value === null ? null : new Date(value).getTime());
  const pendingBreaches = async (id: number) => (await t.dataSource.getRepository(ScheduledJob).find({ where: { kind: SLA_BREACH, subjectId: id, state: 'pending' } })).map((job) => [(job.payload as { clock: string }).clock, job.dueAt.getTime()]).sort();

  beforeAll(async () => {
    t = await startTestApp(database, { DOCKET_SCHEDULER: '0' });
    admin = await t.loginAs('admin', t.adminPassword);
    ids.FIRST = (await ok('POST', '/api/queues', { code: 'FIRST', name: 'First line' }, 201)).id;
    const [{ id: adminId }] = await t.dataSource.query("SELECT id FROM users WHERE login = 'admin'");
    await ok('PUT', `/api/queues/${ids.FIRST}/people`, { memberIds: [Number(adminId)], workgroupIds: [], administratorIds: [] }, 200);
    ids.REPAIR = (await ok('POST', '/api/topics', { code: 'REPAIR', name: 'Repair', kind: 'topic' }, 201)).id;
    ids.route = (await ok('POST', '/api/routes', { code: 'REPAIR', name: 'Repair', topicIds: [ids.REPAIR] }, 201)).id;
    await ok('PUT', `/api/routes/${ids.route}/draft`, { definition: repairRoute() }, 200);
    await ok('POST', `/api/routes/${ids.route}/versions/1/publish`, undefined, 200);
    ids.calendar = (await ok('POST', '/api/sla/calendars', { code: 'always-berlin', name: '24x7 Berlin', definition: { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5, 6, 7] } }, 201)).id;
    // The gold policy is chosen by the client's service entry under its contract in force, read from the directory.
    const targets = { '1': { reactionMinutes: 30, resolutionMinutes: 240 }, '2': { reactionMinutes: 60, resolutionMinutes: 480 } };
    ids.gold = (await ok('POST', '/api/sla/policies', { code: 'gold', name: 'Gold', rank: 10, condition: { '==': [{ var: 'service.slaLevel' }, 'GOLD'] }, calendarId: ids.calendar, targets, stepLimits: { Triage: 20 }, clockRules: [{ action: 'stop', clocks: ['reaction', 'resolution'], when: { '==': [{ var: 'request.status' }, 'resolved'] } }] }, 201)).id;
    ids.standard = (await ok('POST', '/api/sla/policies', { code: 'standard', name: 'Standard', rank: 100, calendarId: ids.calendar, targets: { '2': { resolutionMinutes: 2880 } } }, 201)).id;
    const year = new Date().getUTCFullYear();
    ids.client = (await ok('POST', '/api/clients', { kind: 'company', name: 'Gold Ltd', category: 'BIS', contracts: [{ number: `G-${year}`, startsOn: `${year - 1}-01-01` }, { number: 'OLD-1', startsOn: '2000-01-01', endsOn: '2001-01-01' }], services: [{ serviceCode: 'NET', name: 'Internet', slaLevel: 'SILVER', businessPriority: 1 }, { serviceCode: 'NET2', name: 'Internet (gold)', slaLevel: 'GOLD', businessPriority: 2, contractNumber: `G-${year}` }] }, 201)).id;
  });
  afterAll(() => t?.close());

  it('starts the clocks when intake creates a request: the policy from the directory, the due date, the step clock, the timers', async () => {
    const created = await ok('POST', '/api/contacts', { clientId: ids.client, requests: [{ topicId: ids.REPAIR, type: 'incident', impact: 2, urgency: 1, subject: 'No internet' }] }, 201);
    const request = created.requests[0];
    ids.request = request.id;
    const start = Date.parse(request.createdAt);
    expect(request).toMatchObject({ priority: 2, currentSteps: 'Triage', version: 1, dueAt: new Date(start + 480 * MINUTE).toISOString() });
    expect(await row(request.id)).toMatchObject({ version: 1 });
    expect(instant((await row(request.id)).dueAt)).toBe(start + 480 * MINUTE);
    const clocks = await clocksOf(request.id);
    expect(Object.keys(clocks).sort()).toEqual(['reaction', 'resolution', 'step:Triage']);
    expect(clocks.resolution).toMatchObject({ policyId: ids.gold, state: 'running', priority: 2, deadline: new Date(start + 480 * MINUTE).toISOString() });
    expect(clocks['step:Triage']).toMatchObject({ state: 'running', deadline: new Date(start + 20 * MINUTE).toISOString() });
    expect(await pendingBreaches(request.id)).toEqual([['reaction', start + 60 * MINUTE], ['resolution', start + 480 * MINUTE], ['step:Triage', start + 20 * MINUTE]]);
  });

  it('follows a transition that leaves a step and raises the priority mid-life: one version step, the due date moved with it', async () => {
    const before = await row(ids.request);
    const start = Date.parse((await ok('GET', `/api/requests/${ids.request}`, undefined, 200)).request.createdAt);
    const moved = await ok('POST', `/api/requests/${ids.request}/transitions`, { transitionId: 'escalate', expectedVersion: before.version }, 200);
    // 24x7: the priority-1 targets count from the same start, whatever time has passed since.
    expect(moved).toMatchObject({ priority: 1, currentSteps: 'Repair', version: before.version + 1, dueAt: new Date(start + 240 * MINUTE).toISOString() });
    expect(await row(ids.request)).toMatchObject({ version: before.version + 1 });
    expect(instant((await row(ids.request)).dueAt)).toBe(start + 240 * MINUTE);
    const clocks = await clocksOf(ids.request);
    expect(clocks['step:Triage']).toMatchObject({ state: 'stopped' });
    expect(clocks.resolution).toMatchObject({ priority: 1, targetMinutes: 240 });
    expect(clocks.reaction).toMatchObject({ priority: 1, deadline: new Date(start + 30 * MINUTE).toISOString() });
    expect(await pendingBreaches(ids.request)).toEqual([['reaction', start + 30 * MINUTE], ['resolution', start + 240 * MINUTE]]);
    const ledger = await t.dataSource.getRepository(SlaLedgerEntry).find({ where: { requestId: ids.request }, order: { id: 'ASC' } });
    expect(ledger.map((entry) => `${entry.clock}:${entry.type}`)).toEqual(['reaction:start', 'resolution:start', 'step:Triage:start', 'step:Triage:stop', 'reaction:priority', 'resolution:priority']);
  });

  it('refuses an invalid calendar change and leaves the running clocks as they were', async () => {
    const before = await row(ids.request);
    const bad = await t.call('PATCH', `/api/sla/calendars/${ids.calendar}`, { token: admin, body: { definition: { timeZone: 'Europe/Berlin', holidays: ['2026-13-01'] } } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'invalid_calendar', details: [{ path: 'definition.holidays.0' }] });
    expect(await row(ids.request)).toEqual(before);
  });

  it('moves every running deadline when its calendar changes through the API, the request versioned', async () => {
    const before = await row(ids.request);
    // Today and the next two Berlin days become holidays: nothing counts until the third day's midnight,
    // from which the 240 (resolution) and 30 (reaction) priority-1 minutes run again from zero.
    const now = Date.now();
    const days = [0, 1, 2].map((offset) => berlinDay(now + offset * 86_400_000));
    const free = berlinMidnight(berlinDay(berlinMidnight(days[2]) + 36 * 3_600_000));
    await ok('PATCH', `/api/sla/calendars/${ids.calendar}`, { definition: { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5, 6, 7], holidays: days } }, 200);
    expect(await row(ids.request)).toMatchObject({ version: before.version + 1 });
    expect(instant((await row(ids.request)).dueAt)).toBe(free + 240 * MINUTE);
    const clocks = await clocksOf(ids.request);
    expect(clocks.resolution).toMatchObject({ state: 'running', elapsedMinutes: 0, deadline: new Date(free + 240 * MINUTE).toISOString() });
    expect(await pendingBreaches(ids.request)).toEqual([['reaction', free + 30 * MINUTE], ['resolution', free + 240 * MINUTE]]);
  });

  it('stops the clocks by the policy rule when the request is resolved: no timers, no due date', async () => {
    const before = await row(ids.request);
    const solved = await ok('POST', `/api/requests/${ids.request}/transitions`, { transitionId: 'solve', expectedVersion: before.version }, 200);
    expect(solved).toMatchObject({ status: 'resolved', version: before.version + 1, dueAt: null });
    const clocks = await clocksOf(ids.request);
    expect(Object.values(clocks).map((clock) => clock.state)).toEqual(['stopped', 'stopped', 'stopped']);
    expect(await pendingBreaches(ids.request)).toEqual([]);
  });

  it('gives a request whose priority has no target no due date; a deadline changed by hand steps the version', async () => {
    const other = await ok('POST', '/api/contacts', { requests: [{ topicId: ids.REPAIR, type: 'incident', impact: 3, urgency: 3, subject: 'Low priority' }] }, 201);
    const request = other.requests[0];
    // Priority 5 has no target under the catch-all policy: clocks run, but nothing is due.
    expect(request.dueAt).toBeNull();
    const priority2 = await ok('POST', '/api/contacts', { requests: [{ topicId: ids.REPAIR, type: 'incident', impact: 2, urgency: 1, subject: 'Standard' }] }, 201);
    const standard = priority2.requests[0];
    expect((await clocksOf(standard.id)).resolution).toMatchObject({ policyId: ids.standard });
    const deadline = new Date(Date.now() + 5 * 86_400_000).toISOString();
    await ok('POST', `/api/sla/requests/${standard.id}/deadline`, { deadline, reason: 'agreed with the customer' }, 200);
    expect(await row(standard.id)).toMatchObject({ version: standard.version + 1 });
    expect(instant((await row(standard.id)).dueAt)).toBe(Date.parse(deadline));
  });

  it('shows clocks, what-if and breaches to an sla.read holder only for requests of their queues', async () => {
    const { id: roleId } = await ok('POST', '/api/roles', { code: 'sla-watcher', name: 'SLA watcher', permissions: ['sla.read'] }, 201);
    expect(roleId).toEqual(expect.any(Number));
    const watcherId = (await ok('POST', '/api/users', { login: 'watcher', name: 'Watcher', password: 'watcher-password-1', roleCodes: ['sla-watcher'] }, 201)).id as number;
    const watcher = await t.loginAs('watcher', 'watcher-password-1');
    const as = (method: string, path: string, body?: unknown) => t.call(method, path, { token: watcher, body });
    const [{ queueId }] = (await t.dataSource.query('SELECT queueId FROM requests WHERE id = ?', [ids.request])) as { queueId: number }[];
    await t.dataSource.getRepository(SlaBreach).insert({ requestId: ids.request, clock: 'reaction', kind: 'breach', deadline: new Date(), occurredAt: new Date(), policyId: ids.gold, priority: 2, queueId: Number(queueId), assigneeId: null, topicId: ids.REPAIR, closedAt: null });
    const listed = async (token: string) => ((await t.call('GET', '/api/sla/breaches?kind=breach', { token })).body as { items: { requestId: number }[] }).items.map((item) => item.requestId);

    expect(await listed(admin)).toContain(ids.request);
    expect(await listed(watcher)).toEqual([]);
    expect((await as('GET', `/api/sla/requests/${ids.request}/clocks`)).status).toBe(404);
    expect((await as('POST', `/api/sla/requests/${ids.request}/what-if`, { priority: 1 })).status).toBe(404);

    await ok('PUT', `/api/queues/${ids.FIRST}/people`, { memberIds: [(await t.dataSource.query("SELECT id FROM users WHERE login = 'admin'"))[0].id, watcherId].map(Number), workgroupIds: [], administratorIds: [] }, 200);
    expect(await listed(watcher)).toContain(ids.request);
    expect((await as('GET', `/api/sla/requests/${ids.request}/clocks`)).status).toBe(200);
    expect((await as('POST', `/api/sla/requests/${ids.request}/what-if`, { priority: 1 })).status).toBe(200);
  });
});
