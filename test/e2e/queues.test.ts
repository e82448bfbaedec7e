import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';

describe.each(testDatabases())('queues and who works them on %s', (database) => {
  let t: TestApp;
  let admin: string;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp(database);
    admin = await t.loginAs('admin', t.adminPassword);
    for (const login of ['olga', 'pavel', 'nina']) {
      const created = await t.call('POST', '/api/users', { token: admin, body: { login, name: login, password: `${login}-password-1`, roleCodes: ['operator'] } });
      expect(created.status).toBe(201);
      ids[login] = created.body.id;
    }
    const group = await t.call('POST', '/api/workgroups', { token: admin, body: { code: 'PSKOV_TEAM', name: 'Pskov team' } });
    ids.group = group.body.id;
    await t.call('PUT', `/api/workgroups/${ids.group}/members`, { token: admin, body: { userIds: [ids.pavel] } });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('creates queues, refuses a taken code, and journals the change', async () => {
    const cp = await t.call('POST', '/api/queues', { token: admin, body: { code: 'CP', name: 'Contract processing', allowedSteps: ['check', 'terminate'] } });
    expect(cp.status).toBe(201);
    expect(cp.body).toMatchObject({ code: 'CP', active: true, allowedSteps: ['check', 'terminate'], memberIds: [], workgroupIds: [], administratorIds: [] });
    ids.cp = cp.body.id;
    const pskov = await t.call('POST', '/api/queues', { token: admin, body: { code: 'PSKOV', name: 'Pskov region' } });
    expect(pskov.status).toBe(201);
    ids.pskov = pskov.body.id;

    const taken = await t.call('POST', '/api/queues', { token: admin, body: { code: 'CP', name: 'Again' } });
    expect(taken.status).toBe(409);
    expect(taken.body.details).toEqual([{ path: 'code', message: 'already taken' }]);

    const journal = await t.call('GET', `/api/audit?entityType=queue&entityId=${ids.cp}`, { token: admin });
    expect(journal.body.items[0]).toMatchObject({ action: 'create', actorLogin: 'admin' });
  });

  it('sets members, workgroups and administrators, refusing unknown ones with their paths and changing nothing', async () => {
    const bad = await t.call('PUT', `/api/queues/${ids.pskov}/people`, { token: admin, body: { memberIds: [ids.olga, 9999], workgroupIds: [8888], administratorIds: [] } });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      { path: 'memberIds.1', message: 'unknown user 9999' },
      { path: 'workgroupIds.0', message: 'unknown workgroup 8888' },
    ]);
    expect((await t.call('GET', `/api/queues/${ids.pskov}`, { token: admin })).body.memberIds).toEqual([]);

    const set = await t.call('PUT', `/api/queues/${ids.pskov}/people`, { token: admin, body: { memberIds: [ids.olga], workgroupIds: [ids.group], administratorIds: [ids.nina] } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ memberIds: [ids.olga], workgroupIds: [ids.group], administratorIds: [ids.nina] });
    const journal = await t.call('GET', `/api/audit?entityType=queue&entityId=${ids.pskov}`, { token: admin });
    expect(journal.body.items[0].changes).toEqual(expect.arrayContaining([{ field: 'memberIds', old: [], new: [ids.olga] }]));
  });

  it("lists only the caller's queues with mine=true: direct, through a workgroup, or as administrator", async () => {
    for (const login of ['olga', 'pavel', 'nina']) {
      const token = await t.loginAs(login, `${login}-password-1`);
      const mine = await t.call('GET', '/api/queues?mine=true', { token });
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((queue: { code: string }) => queue.code)).toEqual(['PSKOV']);
    }
    const all = await t.call('GET', '/api/queues?search=contract', { token: admin });
    expect(all.body.items.map((queue: { code: string }) => queue.code)).toEqual(['CP']);
  });

  it('lets only queue managers change queues', async () => {
    const operator = await t.loginAs('olga', 'olga-password-1');
    const refused = await t.call('PATCH', `/api/queues/${ids.cp}`, { token: operator, body: { active: false } });
    expect(refused.status).toBe(403);
    const deactivated = await t.call('PATCH', `/api/queues/${ids.cp}`, { token: admin, body: { active: false } });
    expect(deactivated.body.active).toBe(false);
    expect((await t.call('GET', '/api/queues?active=true', { token: admin })).body.items.map((queue: { code: string }) => queue.code)).toEqual(['PSKOV']);
  });
});
