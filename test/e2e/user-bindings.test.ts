import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { apiAs } from '../helpers/request-data';

/** The user editor binds portal customers to a client and partner staff to a partner, in the same create or update. */
describe.each(testDatabases())('binding users to a client or a partner on %s', (database) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const { as, ok } = apiAs(() => t, tokens);
  const userRows = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM users'))[0].n);
  const stored = async (id: number) => (await t.dataSource.query('SELECT clientId, partnerId, contactPersonId FROM users WHERE id = ?', [id]))[0];

  beforeAll(async () => {
    t = await startTestApp(database);
    tokens.admin = await t.loginAs('admin', t.adminPassword);
    ids.client = (await ok('admin', 'POST', '/api/clients', { kind: 'company', name: 'Acme' }, 201)).id;
    ids.otherClient = (await ok('admin', 'POST', '/api/clients', { kind: 'company', name: 'Globex' }, 201)).id;
    ids.person = (await ok('admin', 'POST', '/api/contact-persons', { name: 'Anna', clientId: ids.client }, 201)).id;
    ids.partner = (await ok('admin', 'POST', '/api/partners', { code: 'CABLE', name: 'Cable works' }, 201)).id;
  });
  afterAll(() => t?.close());

  it('creates a customer bound to a client, who then has the portal and nothing else', async () => {
    const created = await ok('admin', 'POST', '/api/users', { login: 'anna', name: 'Anna', password: 'anna-password-1', roleCodes: ['customer', 'operator'], clientId: ids.client }, 201);
    expect(created).toMatchObject({ clientId: ids.client, partnerId: null, permissions: ['portal.use'] });
    ids.anna = created.id;
    tokens.anna = await t.loginAs('anna', 'anna-password-1');
    expect((await as('anna', 'GET', '/api/portal/knowledge')).status).toBe(200);
    expect((await as('anna', 'GET', '/api/requests')).status).toBe(403);
    const journal = await t.dataSource.query("SELECT changes FROM audit_entries WHERE entityType = 'user' AND entityId = ? AND action = 'create'", [String(ids.anna)]);
    expect(JSON.stringify(journal)).toContain('clientId');
  });

  it('refuses an unknown client or partner, and both at once, with the path of the field; nothing is created', async () => {
    const before = await userRows();
    const unknownClient = await as('admin', 'POST', '/api/users', { login: 'ghost', name: 'Ghost', password: 'ghost-password-1', clientId: 999_999 });
    expect(unknownClient.status).toBe(400);
    expect(unknownClient.body).toMatchObject({ code: 'invalid_user', details: [{ path: 'clientId', message: 'unknown client 999999' }] });
    const unknownPartner = await as('admin', 'POST', '/api/users', { login: 'ghost', name: 'Ghost', password: 'ghost-password-1', partnerId: 999_999 });
    expect(unknownPartner.body.details).toEqual([{ path: 'partnerId', message: 'unknown partner 999999' }]);
    const both = await as('admin', 'POST', '/api/users', { login: 'ghost', name: 'Ghost', password: 'ghost-password-1', clientId: ids.client, partnerId: ids.partner });
    expect(both.status).toBe(400);
    expect(both.body.details).toEqual([{ path: 'partnerId', message: "a client's customer cannot also be a partner's user" }]);
    const notANumber = await as('admin', 'POST', '/api/users', { login: 'ghost', name: 'Ghost', password: 'ghost-password-1', clientId: 'acme' });
    expect(notANumber.status).toBe(400);
    expect(notANumber.body.details).toEqual([expect.objectContaining({ path: 'clientId' })]);
    expect(await userRows()).toBe(before);
  });

  it('moves a customer to another client (dropping the old contact person), then makes them a partner user; a refused change keeps the binding', async () => {
    await ok('admin', 'PUT', `/api/users/${ids.anna}/customer`, { clientId: ids.client, contactPersonId: ids.person }, 200);
    const moved = await ok('admin', 'PATCH', `/api/users/${ids.anna}`, { clientId: ids.otherClient }, 200);
    expect(moved.clientId).toBe(ids.otherClient);
    expect(await stored(ids.anna)).toMatchObject({ contactPersonId: null });

    const refused = await as('admin', 'PATCH', `/api/users/${ids.anna}`, { partnerId: ids.partner });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([{ path: 'partnerId', message: "a client's customer cannot also be a partner's user" }]);
    expect(Number((await stored(ids.anna)).clientId)).toBe(ids.otherClient);

    const partnerUser = await ok('admin', 'PATCH', `/api/users/${ids.anna}`, { clientId: null, partnerId: ids.partner, roleCodes: ['partner'] }, 200);
    expect(partnerUser).toMatchObject({ clientId: null, partnerId: ids.partner, permissions: ['work-orders.read', 'work-orders.update'] });
    const journal = await t.dataSource.query("SELECT changes FROM audit_entries WHERE entityType = 'user' AND entityId = ? AND action = 'update' ORDER BY id DESC", [String(ids.anna)]);
    expect(JSON.stringify(journal[0])).toContain('partnerId');

    // A change that does not name the binding leaves it alone.
    expect((await ok('admin', 'PATCH', `/api/users/${ids.anna}`, { name: 'Anna Cable' }, 200)).partnerId).toBe(ids.partner);
  });
});
