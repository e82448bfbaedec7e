import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { Session } from '../../server/src/auth/entities/session.entity';
import { User } from '../../server/src/auth/entities/user.entity';

describe.each(testDatabases())('foundation API on %s', (database) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp(database);
    admin = await t.loginAs('admin', t.adminPassword);
  });
  afterAll(() => t?.close());

  const expectErrorShape = (body: { code: unknown; message: unknown; details: unknown }) => {
    expect(typeof body.code).toBe('string');
    expect(typeof body.message).toBe('string');
    expect(Array.isArray(body.details)).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/\s+at\s+\S+\s+\(|node_modules/);
  };

  it(`reports health with the ${database} driver`, async () => {
    const response = await t.call('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', database: { driver: database === 'sqlite' ? 'sqlite' : 'mysql' } });
  });

  it('serves the OpenAPI document', async () => {
    const response = await t.call('GET', '/api/docs-json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/health']));
  });

  it('signs in, tells who is signed in, and signs out', async () => {
    const token = await t.loginAs('admin', t.adminPassword);
    const me = await t.call('GET', '/api/auth/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ login: 'admin', roles: [expect.objectContaining({ code: 'administrator' })] });
    expect(me.body.permissions).toEqual(expect.arrayContaining(['users.manage', 'roles.manage', 'tokens.manage', 'audit.read']));
    expect(me.body).not.toHaveProperty('passwordHash');
    expect((await t.call('POST', '/api/auth/logout', { token })).status).toBe(204);
    const after = await t.call('GET', '/api/auth/me', { token });
    expect(after.status).toBe(401);
    expectErrorShape(after.body);
  });

  it('refuses a session past its expiry, and one whose user was deactivated, each with its own message', async () => {
    const expiring = await t.loginAs('admin', t.adminPassword);
    expect((await t.call('GET', '/api/auth/me', { token: expiring })).status).toBe(200);
    const [newest] = await t.dataSource.getRepository(Session).find({ order: { id: 'DESC' }, take: 1 });
    await t.dataSource.getRepository(Session).update({ id: newest.id }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await t.call('GET', '/api/auth/me', { token: expiring });
    expect([expired.status, expired.body.message]).toEqual([401, 'Your session has expired; sign in again']);

    await t.call('POST', '/api/users', { token: admin, body: { login: 'leaver', name: 'Leaver', password: 'leaver-password', roleCodes: ['operator'] } });
    const leaver = await t.loginAs('leaver', 'leaver-password');
    await t.dataSource.getRepository(User).update({ login: 'leaver' }, { active: false });
    const refused = await t.call('GET', '/api/auth/me', { token: leaver });
    expect([refused.status, refused.body.message]).toEqual([401, 'The account is deactivated']);
  });

  it('refuses a wrong password with one message for unknown logins and wrong passwords alike', async () => {
    const wrong = await t.call('POST', '/api/auth/login', { body: { login: 'admin', password: 'nope' } });
    const unknown = await t.call('POST', '/api/auth/login', { body: { login: 'nobody', password: 'nope' } });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('limits failed sign-ins per login, even with the right password afterwards', async () => {
    await t.call('POST', '/api/users', { token: admin, body: { login: 'victim', name: 'Victim', password: 'victim-password' } });
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await t.call('POST', '/api/auth/login', { body: { login: 'victim', password: 'guess' + attempt } })).status).toBe(401);
    }
    const blocked = await t.call('POST', '/api/auth/login', { body: { login: 'victim', password: 'victim-password' } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_requests');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  describe('bad input gets a 4xx with the error shape and changes nothing', () => {
    const attempts: [string, Parameters<TestApp['call']>[2], number, string][] = [
      ['an unknown field', { body: { login: 'x1', name: 'X', password: 'password1', admin: true } }, 400, 'validation_failed'],
      ['a wrong type', { body: { login: 'x2', name: 42, password: 'password1' } }, 400, 'validation_failed'],
      ['a missing required field', { body: { login: 'x3', password: 'password1' } }, 400, 'validation_failed'],
      ['a malformed JSON body', { rawBody: '{"login": "x4",', headers: { 'content-type': 'application/json' } }, 400, 'malformed_json'],
      ['an oversized body', { body: { login: 'x5', name: 'x'.repeat(2 * 1024 * 1024), password: 'password1' } }, 413, 'payload_too_large'],
    ];

    it.each(attempts)('%s', async (_what, options, status, code) => {
      const before = await counts();
      const response = await t.call('POST', '/api/users', { token: admin, ...options });
      expect(response.status).toBe(status);
      expect(response.body.code).toBe(code);
      expectErrorShape(response.body);
      expect(await counts()).toEqual(before);
    });

    it('names the offending path', async () => {
      const response = await t.call('POST', '/api/users', { token: admin, body: { login: 'x6', name: 42, password: 'password1', extra: 1 } });
      expect(response.body.details).toEqual(
        expect.arrayContaining([
          { path: 'extra', message: 'unknown field' },
          expect.objectContaining({ path: 'name' }),
        ]),
      );
    });

    it('answers an unknown endpoint with the error shape', async () => {
      const response = await t.call('GET', '/api/no-such-thing', { token: admin });
      expect(response.status).toBe(404);
      expectErrorShape(response.body);
    });

    async function counts() {
      const [users] = await t.dataSource.query('SELECT COUNT(*) AS n FROM users');
      const [audit] = await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_entries');
      return { users: Number(users.n), audit: Number(audit.n) };
    }
  });

  it('manages users with every change in the audit journal', async () => {
    const created = await t.call('POST', '/api/users', {
      token: admin,
      body: { login: 'petrov', name: 'Pyotr Petrov', email: 'petrov@example.com', password: 'petrov-password', roleCodes: ['operator'], locale: 'ru', timeZone: 'Europe/Moscow' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ login: 'petrov', locale: 'ru', roles: [expect.objectContaining({ code: 'operator' })] });
    const duplicate = await t.call('POST', '/api/users', { token: admin, body: { login: 'petrov', name: 'Again', password: 'petrov-password' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.details).toEqual([{ path: 'login', message: 'already taken' }]);

    const token = await t.loginAs('petrov', 'petrov-password');
    const updated = await t.call('PATCH', `/api/users/${created.body.id}`, { token: admin, body: { active: false, roleCodes: ['manager'] } });
    expect(updated.status).toBe(200);
    expect((await t.call('GET', '/api/auth/me', { token })).status).toBe(401);

    const journal = await t.call('GET', `/api/audit?entityType=user&entityId=${created.body.id}`, { token: admin });
    expect(journal.body.items.map((entry: { action: string }) => entry.action)).toEqual(['update', 'create']);
    expect(journal.body.items[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'active', old: true, new: false },
        { field: 'roleCodes', old: ['operator'], new: ['manager'] },
      ]),
    );
    expect(journal.body.items[0].actorLogin).toBe('admin');

    const search = await t.call('GET', '/api/users?q=petr&active=false', { token: admin });
    expect(search.body).toMatchObject({ total: 1, items: [expect.objectContaining({ login: 'petrov' })] });
  });

  it('keeps roles consistent: unknown permissions refused, built-in roles kept', async () => {
    const bad = await t.call('POST', '/api/roles', { token: admin, body: { code: 'odd', name: 'Odd', permissions: ['users.manage', 'fly'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('permissions');
    const roles = await t.call('GET', '/api/roles', { token: admin });
    const administrator = roles.body.find((role: { code: string }) => role.code === 'administrator');
    expect((await t.call('DELETE', `/api/roles/${administrator.id}`, { token: admin })).body.code).toBe('role_built_in');
    const custom = await t.call('POST', '/api/roles', { token: admin, body: { code: 'auditor', name: 'Auditor', permissions: ['audit.read'] } });
    expect(custom.status).toBe(201);
    expect((await t.call('DELETE', `/api/roles/${custom.body.id}`, { token: admin })).status).toBe(204);
  });

  it('keeps the workgroup management chain a tree', async () => {
    const top = await t.call('POST', '/api/workgroups', { token: admin, body: { code: 'L1', name: 'First line' } });
    const below = await t.call('POST', '/api/workgroups', { token: admin, body: { code: 'L2', name: 'Second line', parentId: top.body.id, qualificationLevel: 2 } });
    expect(below.status).toBe(201);
    const cycle = await t.call('PATCH', `/api/workgroups/${top.body.id}`, { token: admin, body: { parentId: below.body.id } });
    expect(cycle.status).toBe(400);
    expect(cycle.body.code).toBe('cycle');
    const members = await t.call('PUT', `/api/workgroups/${below.body.id}/members`, { token: admin, body: { userIds: [1] } });
    expect(members.body.memberIds).toEqual([1]);
  });

  it('issues scoped API tokens that act within their scopes until revoked', async () => {
    const issued = await t.call('POST', '/api/tokens', { token: admin, body: { name: 'Telephony', scopes: ['audit.read'] } });
    expect(issued.status).toBe(201);
    const secret = issued.body.secret as string;
    expect(secret).toMatch(/^dkt_/);
    expect((await t.call('GET', '/api/audit', { token: secret })).status).toBe(200);
    const outOfScope = await t.call('GET', '/api/users', { token: secret });
    expect(outOfScope.status).toBe(403);
    expect(outOfScope.body.code).toBe('permission_denied');
    const listed = await t.call('GET', '/api/tokens', { token: admin });
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect((await t.call('DELETE', `/api/tokens/${issued.body.id}`, { token: admin })).status).toBe(204);
    expect((await t.call('GET', '/api/audit', { token: secret })).status).toBe(401);
  });

  it('refuses a token scope the acting user does not hold', async () => {
    const operator = await t.call('POST', '/api/users', { token: admin, body: { login: 'op-token', name: 'Op', password: 'op-password', roleCodes: ['operator'] } });
    const response = await t.call('POST', '/api/tokens', { token: admin, body: { name: 'Too wide', userId: operator.body.id, scopes: ['users.manage'] } });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('scope_exceeds_user');
  });
});
