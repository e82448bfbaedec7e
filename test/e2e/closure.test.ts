import { AuditEntry } from '../../server/src/audit/audit-entry.entity';
import { RequestRating } from '../../server/src/requests/closure/request-rating.entity';
import { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { ScheduledJob } from '../../server/src/scheduler/entities/scheduled-job.entity';
import { startTestApp, TestApp } from '../helpers/app';
import { setUpHelpdesk, type Helpdesk } from '../helpers/closure-setup';
import { testDatabases } from '../helpers/databases';
import { eventually } from '../helpers/poll';

const HOUR = 3_600_000;

describe.each(testDatabases())('two-phase closure on %s', (database) => {
  let t: TestApp;
  let h: Helpdesk;

  const request = (id: number) => t.dataSource.getRepository(CustomerRequest).findOneByOrFail({ id });
  const actions = async (id: number) => (await t.dataSource.getRepository(AuditEntry).find({ where: { entityType: 'request', entityId: String(id) }, order: { id: 'ASC' } })).map((entry) => entry.action);
  const autoCloseJobs = (id: number) => t.dataSource.getRepository(ScheduledJob).find({ where: { kind: 'request.autoClose', subjectId: id }, order: { dueAt: 'ASC' } });

  /** Dispatcher hands to the engineer, who accepts and solves: the request waits for its customer. */
  async function solved(topic: 'HELP' | 'HELP_DISPATCH' = 'HELP'): Promise<number> {
    const [id] = await h.register(topic);
    await h.ok('disp', 'POST', `/api/requests/${id}/transitions`, { transitionId: 'assign', expectedVersion: await h.version(id) }, 200);
    await h.ok('eng', 'POST', `/api/requests/${id}/accept`, { expectedVersion: await h.version(id) }, 200);
    await h.ok('eng', 'POST', `/api/requests/${id}/transitions`, { transitionId: 'solve', expectedVersion: await h.version(id) }, 200);
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp(database, { DOCKET_SWEEP_CRON: '* * * * * *', DOCKET_MAIL_DOMAIN: 'docket.test', DOCKET_AUTO_CLOSE_HOURS: '48' });
    h = await setUpHelpdesk(t);
  });
  afterAll(() => t?.close());

  it('runs the dispatcher process: register, classify, assign, escalate and hand back, solve, confirm with a rating', async () => {
    const [id] = await h.register('HELP');
    expect(await request(id)).toMatchObject({ status: 'in_progress', currentSteps: 'Dispatch', queueId: h.ids.FIRST, contactPersonId: h.ids.person });
    await h.ok('disp', 'POST', `/api/requests/${id}/attributes`, { expectedVersion: await h.version(id), values: { CATEGORY: 'telephony' } }, 200);
    await h.ok('disp', 'POST', `/api/requests/${id}/transitions`, { transitionId: 'assign', expectedVersion: await h.version(id) }, 200);
    await h.ok('eng', 'POST', `/api/requests/${id}/accept`, { expectedVersion: await h.version(id) }, 200);
    await h.ok('disp', 'POST', `/api/requests/${id}/assign`, { assigneeId: h.ids.eng, expectedVersion: await h.version(id) }, 200);
    const escalated = await h.ok('eng', 'POST', `/api/requests/${id}/transitions`, { transitionId: 'escalate', expectedVersion: await h.version(id) }, 200);
    expect(escalated).toMatchObject({ currentSteps: 'Expert', queueId: h.ids.THIRD, awaitingAcceptance: true });
    const back = await h.ok('expert', 'POST', `/api/requests/${id}/hand-back`, { reason: 'a line fault, not the exchange', expectedVersion: await h.version(id) }, 200);
    // Handed back, it is the engineer's again at once: a hand-back is not a hand-off to accept.
    expect(back).toMatchObject({ currentSteps: 'Engineer', queueId: h.ids.SECOND, awaitingAcceptance: false });

    const before = Date.now();
    const resolved = await h.ok('eng', 'POST', `/api/requests/${id}/transitions`, { transitionId: 'solve', expectedVersion: await h.version(id) }, 200);
    // Resolved is not closed: the request stays open (in its queue's lists, on its SLA clocks) until the customer answers.
    expect(resolved).toMatchObject({ status: 'resolved', isOpen: true, resolution: 'resolved', closedAt: null, currentSteps: null });
    const [timer] = await autoCloseJobs(id);
    expect(timer.state).toBe('pending');
    expect(new Date(timer.dueAt).getTime() - before).toBeGreaterThanOrEqual(48 * HOUR - 60_000);
    expect(new Date(timer.dueAt).getTime() - before).toBeLessThanOrEqual(48 * HOUR + 60_000);
    const mails = await t.dataSource.query('SELECT recipient, subject, text FROM outbox_messages WHERE recipient = ? AND subject LIKE ?', ['anna@customer.test', '%Resolved%']);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('Please confirm the solution');

    const confirmed = await h.ok('disp', 'POST', `/api/requests/${id}/confirm`, { expectedVersion: resolved.version, rating: 5, comment: 'Works again, thank you' }, 200);
    expect(confirmed).toMatchObject({ status: 'closed', isOpen: false, resolution: 'resolved', version: resolved.version + 1 });
    expect(confirmed.closedAt).not.toBeNull();
    expect(await t.dataSource.getRepository(RequestRating).findBy({ requestId: id })).toEqual([expect.objectContaining({ rating: 5, comment: 'Works again, thank you', byTimeout: false, actorId: h.ids.disp })]);
    expect((await autoCloseJobs(id)).map((job) => job.state)).toEqual(['cancelled']);
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM request_values WHERE requestId = ? AND isOpen = 1', [id]))[0].n)).toBe(0);
    const history = await actions(id);
    expect(history).toEqual(expect.arrayContaining(['create', 'attributes', 'transition', 'accept', 'assign', 'handBack', 'confirm']));
    const confirmLine = await t.dataSource.getRepository(AuditEntry).findOneByOrFail({ entityType: 'request', entityId: String(id), action: 'confirm' });
    expect(confirmLine.actorLogin).toBe('disp');
    expect(confirmLine.changes).toEqual(expect.arrayContaining([{ field: 'status', old: 'resolved', new: 'closed' }, { field: 'rating', old: null, new: 5 }]));
  });

  it('refuses bad answers with the error shape and changes nothing', async () => {
    const id = await solved();
    const version = await h.version(id);
    const badRating = await h.as('eng', 'POST', `/api/requests/${id}/confirm`, { expectedVersion: version, rating: 6 });
    expect(badRating.status).toBe(400);
    expect(badRating.body).toMatchObject({ code: expect.any(String), details: [expect.objectContaining({ path: 'rating' })] });
    const noReason = await h.as('eng', 'POST', `/api/requests/${id}/reject-solution`, { expectedVersion: version });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.map((detail: { path: string }) => detail.path)).toEqual(['reason', 'reason']);
    const stale = await h.as('eng', 'POST', `/api/requests/${id}/confirm`, { expectedVersion: version - 1, rating: 4 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', details: [{ path: 'expectedVersion', message: `the current version is ${version}` }], current: { status: 'resolved', version } });
    const outsider = await h.as('outsider', 'POST', `/api/requests/${id}/confirm`, { expectedVersion: version, rating: 4 });
    expect(outsider.status).toBe(404);
    expect((await h.as('analyst', 'POST', `/api/requests/${id}/confirm`, { expectedVersion: version, rating: 4 })).status).toBe(403);
    expect(await request(id)).toMatchObject({ status: 'resolved', version });
    expect(await t.dataSource.getRepository(RequestRating).countBy({ requestId: id })).toBe(0);

    // Acts once with a key; a replay answers the same; the request is then no longer resolved.
    const key = { 'Idempotency-Key': `confirm-${id}` };
    const first = await h.as('eng', 'POST', `/api/requests/${id}/confirm`, { expectedVersion: version, rating: 3 }, key);
    const replay = await h.as('eng', 'POST', `/api/requests/${id}/confirm`, { expectedVersion: version, rating: 3 }, key);
    expect([first.status, replay.status]).toEqual([200, 200]);
    expect(replay.body).toEqual(first.body);
    expect(await t.dataSource.getRepository(RequestRating).countBy({ requestId: id })).toBe(1);
    const again = await h.as('eng', 'POST', `/api/requests/${id}/confirm`, { expectedVersion: version + 1, rating: 3 });
    expect(again.body).toMatchObject({ code: 'not_resolved' });
    expect(again.status).toBe(409);
  });

  it('closes by timeout when nobody answers: the due timer closes it once, as the system', async () => {
    const id = await solved();
    const version = await h.version(id);
    const [timer] = await autoCloseJobs(id);
    await t.dataSource.getRepository(ScheduledJob).update({ id: timer.id }, { dueAt: new Date(Date.now() - 1_000) });
    const closed = await eventually(() => request(id), (row) => row.status === 'closed');
    expect(closed).toMatchObject({ status: 'closed', isOpen: false, resolution: 'resolved', version: version + 1 });
    expect(await t.dataSource.getRepository(RequestRating).findBy({ requestId: id })).toEqual([expect.objectContaining({ rating: null, byTimeout: true, actorId: null })]);
    const line = await t.dataSource.getRepository(AuditEntry).findOneByOrFail({ entityType: 'request', entityId: String(id), action: 'autoClose' });
    expect(line.actorLogin).toBe('system');
    expect((await t.dataSource.getRepository(ScheduledJob).findOneByOrFail({ id: timer.id })).state).toBe('done');
  });

  it('leaves a request alone when its timer fires after the customer answered', async () => {
    const id = await solved();
    const [timer] = await autoCloseJobs(id);
    await h.ok('eng', 'POST', `/api/requests/${id}/reject-solution`, { expectedVersion: await h.version(id), reason: 'still no dial tone' }, 200);
    expect((await t.dataSource.getRepository(ScheduledJob).findOneByOrFail({ id: timer.id })).state).toBe('cancelled');
    // Even a timer that escaped cancellation changes nothing: the request is no longer resolved.
    await t.dataSource.getRepository(ScheduledJob).update({ id: timer.id }, { state: 'pending', dueAt: new Date(Date.now() - 1_000) });
    await eventually(async () => (await t.dataSource.getRepository(ScheduledJob).findOneByOrFail({ id: timer.id })).state, (state) => state === 'done');
    expect(await request(id)).toMatchObject({ status: 'in_progress', isOpen: true });
  });

  it('sends a rejected solution back to the last user task, or to the end step’s reopen step', async () => {
    const id = await solved('HELP');
    const rejected = await h.ok('eng', 'POST', `/api/requests/${id}/reject-solution`, { expectedVersion: await h.version(id), reason: 'still no dial tone' }, 200);
    expect(rejected).toMatchObject({ status: 'in_progress', isOpen: true, currentSteps: 'Engineer', queueId: h.ids.SECOND, resolution: null, closedAt: null, awaitingAcceptance: false });
    expect(await actions(id)).toEqual(expect.arrayContaining(['rejectSolution', 'route.reopened']));
    const line = await t.dataSource.getRepository(AuditEntry).findOneByOrFail({ entityType: 'request', entityId: String(id), action: 'rejectSolution' });
    expect(line.changes).toEqual(expect.arrayContaining([{ field: 'reason', old: null, new: 'still no dial tone' }, { field: 'status', old: 'resolved', new: 'in_progress' }]));
    // The route runs on: it can be solved again, and a new timer waits.
    await h.ok('eng', 'POST', `/api/requests/${id}/transitions`, { transitionId: 'solve', expectedVersion: await h.version(id) }, 200);
    expect((await autoCloseJobs(id)).map((job) => job.state).sort()).toEqual(['cancelled', 'pending']);

    const other = await solved('HELP_DISPATCH');
    const back = await h.ok('eng', 'POST', `/api/requests/${other}/reject-solution`, { expectedVersion: await h.version(other), reason: 'wrong line repaired' }, 200);
    expect(back).toMatchObject({ status: 'in_progress', currentSteps: 'Dispatch', queueId: h.ids.FIRST, assigneeId: null });
    const open = await h.as('eng', 'POST', `/api/requests/${other}/reject-solution`, { expectedVersion: await h.version(other), reason: 'again' });
    expect(open.status).toBe(404);
    const notResolved = await h.as('disp', 'POST', `/api/requests/${other}/reject-solution`, { expectedVersion: await h.version(other), reason: 'again' });
    expect([notResolved.status, notResolved.body.code]).toEqual([409, 'not_resolved']);
  });

  it('closes other resolutions directly, and lets only a queue administrator reopen a closed request', async () => {
    const [refusedId] = await h.register('HELP');
    const refused = await h.ok('disp', 'POST', `/api/requests/${refusedId}/transitions`, { transitionId: 'refuse', expectedVersion: await h.version(refusedId) }, 200);
    expect(refused).toMatchObject({ status: 'closed', isOpen: false, resolution: 'rejected' });
    expect(await autoCloseJobs(refusedId)).toEqual([]);

    const id = await solved();
    await h.ok('eng', 'POST', `/api/requests/${id}/confirm`, { expectedVersion: await h.version(id), rating: 2 }, 200);
    const version = await h.version(id);
    const notAdmin = await h.as('eng', 'POST', `/api/requests/${id}/reopen`, { expectedVersion: version, reason: 'the fault is back' });
    expect([notAdmin.status, notAdmin.body.code]).toEqual([403, 'not_queue_administrator']);
    expect((await h.as('boss', 'POST', `/api/requests/${id}/reopen`, { expectedVersion: version })).status).toBe(400);
    expect(await request(id)).toMatchObject({ status: 'closed', version });
    const reopened = await h.ok('boss', 'POST', `/api/requests/${id}/reopen`, { expectedVersion: version, reason: 'the fault is back' }, 200);
    expect(reopened).toMatchObject({ status: 'in_progress', isOpen: true, currentSteps: 'Engineer', queueId: h.ids.SECOND, closedAt: null, resolution: null });
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM request_values WHERE requestId = ? AND isOpen = 0', [id]))[0].n)).toBe(0);
    const line = await t.dataSource.getRepository(AuditEntry).findOneByOrFail({ entityType: 'request', entityId: String(id), action: 'reopen' });
    expect(line).toMatchObject({ actorLogin: 'boss', changes: expect.arrayContaining([{ field: 'reason', old: null, new: 'the fault is back' }]) });
    const twice = await h.as('boss', 'POST', `/api/requests/${id}/reopen`, { expectedVersion: reopened.version, reason: 'again' });
    expect([twice.status, twice.body.code]).toEqual([409, 'not_closed']);
  });
});
