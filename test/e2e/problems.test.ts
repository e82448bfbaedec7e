import { AuditEntry } from '../../server/src/audit/audit-entry.entity';
import { RequestProblemLink } from '../../server/src/problems/entities/request-problem-link.entity';
import { Problem } from '../../server/src/problems/entities/problem.entity';
import { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { startTestApp, TestApp } from '../helpers/app';
import { setUpHelpdesk, type Helpdesk } from '../helpers/closure-setup';
import { testDatabases } from '../helpers/databases';
import { In } from 'typeorm';

const MASS = 50;

describe.each(testDatabases())('problems and mass problems on %s', (database) => {
  let t: TestApp;
  let h: Helpdesk;
  let incidents: number[];
  let problemId: number;

  const requests = (ids: number[]) => t.dataSource.getRepository(CustomerRequest).find({ where: { id: In(ids) }, order: { id: 'ASC' } });
  const auditCount = async (action: string, ids: number[]) => t.dataSource.getRepository(AuditEntry).countBy({ entityType: 'request', action, entityId: In(ids.map(String)) });

  beforeAll(async () => {
    t = await startTestApp(database, { DOCKET_MAIL_DOMAIN: 'docket.test' });
    h = await setUpHelpdesk(t);
    incidents = await h.register('HELP', MASS);
  });
  afterAll(() => t?.close());

  it('records a problem with a yearly number; bad input and missing permission change nothing', async () => {
    const empty = await h.as('disp', 'POST', '/api/problems', { subject: '<b></b>' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'invalid_problem', details: [{ path: 'subject' }] });
    expect((await h.as('disp', 'POST', '/api/problems', { subject: 'x', isMass: 'yes' })).body.details).toEqual([expect.objectContaining({ path: 'isMass' })]);
    expect((await h.as('analyst', 'POST', '/api/problems', { subject: 'Exchange down' })).status).toBe(403);
    expect(await t.dataSource.getRepository(Problem).count()).toBe(0);

    const created = await h.ok('disp', 'POST', '/api/problems', { subject: 'Exchange PSK-3 is down', description: '<p>Since 9:00<script>x</script></p>', isMass: true }, 201);
    expect(created).toMatchObject({ number: `PRB-${new Date().getUTCFullYear()}-000001`, status: 'open', isMass: true, description: '<p>Since 9:00</p>', knownSolution: null });
    problemId = created.id;
    const second = await h.ok('eng', 'POST', '/api/problems', { subject: 'Billing rounding', workaround: '<p>Correct by hand</p>' }, 201);
    expect(second).toMatchObject({ number: `PRB-${new Date().getUTCFullYear()}-000002`, status: 'known_error' });
    expect((await h.ok('eng', 'GET', '/api/problems?status=known_error', undefined, 200)).items.map((problem: { id: number }) => problem.id)).toEqual([second.id]);
    expect((await h.as('eng', 'GET', '/api/problems/999999')).status).toBe(404);
  });

  it('links fifty incidents at once, all or nothing; a request has one problem; the list counts the links', async () => {
    const elsewhere = await h.registerPlain('OTHER', 'outsider');
    const refused = await h.as('disp', 'POST', `/api/problems/${problemId}/requests`, { requestIds: [...incidents, elsewhere] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'invalid_links', details: [{ path: `requestIds.${MASS}` }] });
    expect(await t.dataSource.getRepository(RequestProblemLink).count()).toBe(0);

    const linked = await h.ok('disp', 'POST', `/api/problems/${problemId}/requests`, { requestIds: incidents }, 200);
    expect(linked.linkedCount).toBe(MASS);
    expect(linked.requests).toHaveLength(MASS);
    expect(await auditCount('problem.link', incidents)).toBe(MASS);

    const other = await h.ok('disp', 'POST', '/api/problems', { subject: 'Something else' }, 201);
    const twice = await h.as('disp', 'POST', `/api/problems/${other.id}/requests`, { requestIds: [incidents[0]] });
    expect(twice.body.details[0].message).toContain('already caused by problem PRB-');
    // The outsider's queue sees none of the linked requests, but the problem's size.
    const seen = await h.ok('outsider', 'GET', `/api/problems/${problemId}`, undefined, 200);
    expect([seen.linkedCount, seen.requests.length]).toEqual([MASS, 0]);
    const listed = await h.ok('outsider', 'GET', '/api/problems', undefined, 200);
    expect(listed.items.map((problem: { id: number; linkedCount: number }) => [problem.id, problem.linkedCount])).toEqual(expect.arrayContaining([[problemId, MASS], [other.id, 0]]));
  });

  it('tells the customers of every linked request the workaround, in their customer discussion', async () => {
    const solved = await h.ok('eng', 'PUT', `/api/problems/${problemId}/solution`, { workaround: '<p>Use the mobile line meanwhile</p>' }, 200);
    expect(solved).toMatchObject({ status: 'known_error', workaround: '<p>Use the mobile line meanwhile</p>' });
    const comments = await t.dataSource.query("SELECT c.requestId AS requestId, c.body AS body FROM request_comments c JOIN request_discussions d ON d.id = c.discussionId WHERE d.visibility = 'customer'");
    expect(comments).toHaveLength(MASS);
    expect(comments[0].body).toContain('Use the mobile line meanwhile');
    expect(await auditCount('problem.solution', incidents)).toBe(MASS);
    expect((await h.as('eng', 'PUT', `/api/problems/${problemId}/solution`, {})).status).toBe(400);
  });

  it('resolves all fifty at once through the closure path: resolved, journalled, each customer mailed', async () => {
    const started = Date.now();
    const resolved = await h.ok('eng', 'POST', `/api/problems/${problemId}/resolve`, { reason: 'the exchange board was replaced' }, 200);
    const elapsed = Date.now() - started;
    console.log(`[problems ${database}] resolving a mass problem with ${MASS} requests took ${elapsed} ms`);
    expect(resolved).toMatchObject({ status: 'resolved', linkedCount: MASS });
    expect(resolved.requests.every((request: { status: string; resolvedByProblem: boolean }) => request.status === 'resolved' && request.resolvedByProblem)).toBe(true);
    const rows = await requests(incidents);
    expect(rows.every((row) => row.status === 'resolved' && row.isOpen && row.resolution === 'resolved' && row.routeState?.status === 'ended')).toBe(true);
    expect(await auditCount('resolve', incidents)).toBe(MASS);
    const mails = await t.dataSource.query("SELECT recipient, text FROM outbox_messages WHERE recipient = 'anna@customer.test' AND subject LIKE '%Resolved:%'");
    expect(mails).toHaveLength(MASS);
    expect(mails.every((mail: { text: string }) => mail.text.includes('Solution (PRB-') && mail.text.includes('Use the mobile line meanwhile') && !mail.text.includes('<p>'))).toBe(true);
    expect(Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM scheduled_jobs WHERE kind = 'request.autoClose' AND state = 'pending'"))[0].n)).toBe(MASS);
    expect((await h.as('eng', 'POST', `/api/problems/${problemId}/resolve`, { reason: 'again' })).body.code).toBe('problem_resolved');
  });

  it('sends the requests it resolved back to work when the fix fails, each where it was', async () => {
    const [rejected, confirmed] = incidents;
    await h.ok('disp', 'POST', `/api/requests/${rejected}/reject-solution`, { expectedVersion: await h.version(rejected), reason: 'still down here' }, 200);
    await h.ok('disp', 'POST', `/api/requests/${confirmed}/confirm`, { expectedVersion: await h.version(confirmed), rating: 4 }, 200);
    const reopened = await h.ok('eng', 'POST', `/api/problems/${problemId}/reopen`, { reason: 'the new board fails too' }, 200);
    expect(reopened).toMatchObject({ status: 'known_error', resolvedAt: null });
    const rows = await requests(incidents);
    expect(rows.every((row) => row.status === 'in_progress' && row.isOpen && row.currentSteps === 'Dispatch' && row.queueId === h.ids.FIRST)).toBe(true);
    expect(await auditCount('problem.reopen', incidents)).toBe(MASS - 1);
    expect(Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM scheduled_jobs WHERE kind = 'request.autoClose' AND state = 'pending'"))[0].n)).toBe(0);
    const line = await t.dataSource.getRepository(AuditEntry).findOneByOrFail({ entityType: 'problem', entityId: String(problemId), action: 'reopen' });
    expect(line.changes).toEqual(expect.arrayContaining([{ field: 'status', old: 'resolved', new: 'known_error' }]));

    const unlinked = await h.ok('disp', 'POST', `/api/problems/${problemId}/requests/unlink`, { requestIds: [rejected] }, 200);
    expect(unlinked.linkedCount).toBe(MASS - 1);
    expect(await auditCount('problem.unlink', [rejected])).toBe(1);
  });

  it('ends a problem as closed once its fix held, as unresolvable or as erroneous while worked on, and reopens any of them', async () => {
    const status = async (id: number) => (await h.ok('eng', 'GET', `/api/problems/${id}`, undefined, 200)).status;
    const end = (id: number, outcome: string) => h.as('eng', 'POST', `/api/problems/${id}/end`, { outcome, reason: `${outcome} because` });

    // Recorded by mistake: its requests are unlinked, free for their real cause, and nothing more links to it.
    const [strayRequest] = incidents; // unlinked from the mass problem above
    const mistaken = await h.ok('disp', 'POST', '/api/problems', { subject: 'Not a problem' }, 201);
    await h.ok('disp', 'POST', `/api/problems/${mistaken.id}/requests`, { requestIds: [strayRequest] }, 200);
    expect((await end(mistaken.id, 'closed')).body).toMatchObject({ code: 'problem_state', details: [{ path: 'outcome', message: 'status is open' }] });
    const erroneous = await end(mistaken.id, 'erroneous');
    expect(erroneous.status).toBe(200);
    expect(erroneous.body).toMatchObject({ status: 'erroneous', linkedCount: 0 });
    expect(await t.dataSource.getRepository(RequestProblemLink).countBy({ requestId: strayRequest })).toBe(0);
    expect(await auditCount('problem.unlink', [strayRequest])).toBeGreaterThanOrEqual(1);
    const line = await t.dataSource.getRepository(AuditEntry).findOneByOrFail({ entityType: 'problem', entityId: String(mistaken.id), action: 'erroneous' });
    expect(line.changes).toEqual(expect.arrayContaining([{ field: 'status', old: 'open', new: 'erroneous' }, { field: 'reason', old: null, new: 'erroneous because' }]));
    const refused = await h.as('disp', 'POST', `/api/problems/${mistaken.id}/requests`, { requestIds: [strayRequest] });
    expect([refused.status, refused.body.code]).toEqual([400, 'invalid_links']);
    expect(refused.body.details[0].message).toContain('reopen it');

    // Unresolvable: nothing resolves it until it is reopened.
    const lasting = await h.ok('disp', 'POST', '/api/problems', { subject: 'Old exchange hum' }, 201);
    expect((await end(lasting.id, 'unresolvable')).status).toBe(200);
    expect((await h.as('eng', 'POST', `/api/problems/${lasting.id}/resolve`, { reason: 'no' })).body.code).toBe('problem_resolved');
    expect((await end(lasting.id, 'erroneous')).body.code).toBe('problem_state');
    expect((await h.ok('eng', 'POST', `/api/problems/${lasting.id}/reopen`, { reason: 'a new board exists' }, 200)).status).toBe('open');

    // Closed, once resolved.
    await h.ok('eng', 'POST', `/api/problems/${problemId}/resolve`, { reason: 'the second board works' }, 200);
    expect((await end(problemId, 'closed')).body.status).toBe('closed');
    expect(await status(problemId)).toBe('closed');
    expect((await h.as('eng', 'POST', `/api/problems/${problemId}/end`, { outcome: 'finished', reason: 'x' })).body.details).toEqual([expect.objectContaining({ path: 'outcome' })]);
  });
});
