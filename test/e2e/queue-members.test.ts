import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { apiAs } from '../helpers/request-data';
import { addQueue, addStaff } from '../helpers/staff';

/**
 * GET /api/queues/:id/members: the names of who works a queue, read like the queue's requests. Queue A has a
 * direct member, a workgroup member and an administrator; queue B only `outsider`.
 */
describe.each(testDatabases())('queue members on %s', (database) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const { as, ok } = apiAs(() => t, tokens);

  beforeAll(async () => {
    t = await startTestApp(database);
    await addStaff(t, ok, tokens, ids, [['olga', 'operator'], ['pavel', 'specialist'], ['anna', 'specialist'], ['outsider', 'operator'], ['maria', 'manager'], ['carl', 'customer']], (login) => ({ name: `${login[0].toUpperCase()}${login.slice(1)} Staff` }));
    ids.TEAM = (await ok('admin', 'POST', '/api/workgroups', { code: 'TEAM', name: 'Team' }, 201)).id;
    await ok('admin', 'PUT', `/api/workgroups/${ids.TEAM}/members`, { userIds: [ids.pavel] }, 200);
    await addQueue(ok, ids, 'QA', 'Queue A', { members: ['olga'], workgroups: ['TEAM'], administrators: ['anna'] });
    await addQueue(ok, ids, 'QB', 'Queue B', { members: ['outsider'] });
  });
  afterAll(() => t?.close());

  it('names every way into the queue (member, workgroup, administrator) to each of its people, sorted by name', async () => {
    const expected = [
      { id: ids.anna, login: 'anna', displayName: 'Anna Staff', active: true },
      { id: ids.olga, login: 'olga', displayName: 'Olga Staff', active: true },
      { id: ids.pavel, login: 'pavel', displayName: 'Pavel Staff', active: true },
    ];
    for (const who of ['olga', 'pavel', 'anna']) expect(await ok(who, 'GET', `/api/queues/${ids.QA}/members`, undefined, 200)).toEqual(expected);
  });

  it('answers 404 for a queue the caller does not work, as for its requests, and reads every queue with requests.read.all', async () => {
    const foreign = await as('olga', 'GET', `/api/queues/${ids.QB}/members`);
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 404, code: 'not_found' });
    expect((await as('olga', 'GET', '/api/queues/999999/members')).status).toBe(404);
    expect(await ok('maria', 'GET', `/api/queues/${ids.QB}/members`, undefined, 200)).toEqual([{ id: ids.outsider, login: 'outsider', displayName: 'Outsider Staff', active: true }]);
    expect((await as('maria', 'GET', '/api/queues/999999/members')).status).toBe(404);
  });

  it('refuses callers who do not read requests, and a path that is not an id', async () => {
    const customer = await as('carl', 'GET', `/api/queues/${ids.QA}/members`);
    expect({ status: customer.status, code: customer.body.code }).toEqual({ status: 403, code: 'permission_denied' });
    expect((await t.call('GET', `/api/queues/${ids.QA}/members`)).status).toBe(401);
    expect((await as('olga', 'GET', '/api/queues/abc/members')).status).toBe(400);
  });

  it('keeps a member who left the queue out, and shows a deactivated one as inactive', async () => {
    await ok('admin', 'PUT', `/api/workgroups/${ids.TEAM}/members`, { userIds: [] }, 200);
    await ok('admin', 'PATCH', `/api/users/${ids.anna}`, { active: false }, 200);
    expect((await ok('olga', 'GET', `/api/queues/${ids.QA}/members`, undefined, 200)).map((member: { login: string; active: boolean }) => [member.login, member.active])).toEqual([
      ['anna', false],
      ['olga', true],
    ]);
  });
});
