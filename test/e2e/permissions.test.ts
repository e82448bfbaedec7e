import { ALL_PERMISSIONS } from '../../server/src/auth/permissions';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { concretePath, Endpoint, listEndpoints } from '../helpers/endpoints';

describe.each(testDatabases())('permissions on %s', (database) => {
  let t: TestApp;
  let admin: string;
  let endpoints: Endpoint[];

  beforeAll(async () => {
    t = await startTestApp(database);
    admin = await t.loginAs('admin', t.adminPassword);
    endpoints = await listEndpoints(t);
  });
  afterAll(() => t?.close());

  it('finds the endpoints of the app', () => {
    expect(endpoints.length).toBeGreaterThan(15);
  });

  it('guards every permission with at least one endpoint', () => {
    const guarded = new Set(endpoints.map((endpoint) => endpoint.permission).filter(Boolean));
    expect(ALL_PERMISSIONS.filter((permission) => !guarded.has(permission))).toEqual([]);
  });

  it('answers 401 on every non-public endpoint without a token', async () => {
    for (const endpoint of endpoints.filter((candidate) => !candidate.isPublic)) {
      const response = await t.call(endpoint.method, concretePath(endpoint.path), { body: endpoint.method === 'GET' ? undefined : {} });
      expect({ endpoint: endpoint.operationId, status: response.status }).toEqual({ endpoint: endpoint.operationId, status: 401 });
    }
  });

  it.each(ALL_PERMISSIONS)('answers 403 without "%s" on every endpoint that needs it, and not 403 with it', async (permission) => {
    const others = ALL_PERMISSIONS.filter((candidate) => candidate !== permission);
    const role = `all-but-${permission.replace('.', '-')}`;
    await t.call('POST', '/api/roles', { token: admin, body: { code: role, name: role, permissions: others } });
    await t.call('POST', '/api/roles', { token: admin, body: { code: `only-${permission.replace('.', '-')}`, name: 'only', permissions: [permission] } });
    const lacking = `${role}-user`;
    const holding = `only-${permission.replace('.', '-')}-user`;
    await t.call('POST', '/api/users', { token: admin, body: { login: lacking, name: lacking, password: 'password-123', roleCodes: [role] } });
    await t.call('POST', '/api/users', { token: admin, body: { login: holding, name: holding, password: 'password-123', roleCodes: [`only-${permission.replace('.', '-')}`] } });
    const lackingToken = await t.loginAs(lacking, 'password-123');
    const holdingToken = await t.loginAs(holding, 'password-123');
    for (const endpoint of endpoints.filter((candidate) => candidate.permission === permission)) {
      const body = endpoint.method === 'GET' ? undefined : {};
      const denied = await t.call(endpoint.method, concretePath(endpoint.path), { token: lackingToken, body });
      expect({ endpoint: endpoint.operationId, status: denied.status, code: denied.body?.code }).toEqual({ endpoint: endpoint.operationId, status: 403, code: 'permission_denied' });
      const allowed = await t.call(endpoint.method, concretePath(endpoint.path), { token: holdingToken, body });
      expect({ endpoint: endpoint.operationId, denied: allowed.status === 403 }).toEqual({ endpoint: endpoint.operationId, denied: false });
    }
  });
});
