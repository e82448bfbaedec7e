import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';

describe.each(testDatabases())('dictionaries API on %s', (database) => {
  let t: TestApp;
  let admin: string;
  let operator: string;
  let regionId: number;
  const items: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp(database);
    admin = await t.loginAs('admin', t.adminPassword);
    await t.call('POST', '/api/users', { token: admin, body: { login: 'op', name: 'Op', password: 'password-123', roleCodes: ['operator'] } });
    operator = await t.loginAs('op', 'password-123');
  });
  afterAll(() => t?.close());

  const counts = async () => ({
    dictionaries: Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM dictionaries'))[0].n),
    items: Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM dictionary_items'))[0].n),
    audit: Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_entries'))[0].n),
  });

  it('creates a hierarchical dictionary and its items, journaling each change', async () => {
    const created = await t.call('POST', '/api/dictionaries', { token: admin, body: { code: 'REGION', name: 'Region', hierarchical: true } });
    expect(created.status).toBe(201);
    regionId = created.body.id;
    for (const [code, name, parentCode, position] of [
      ['NW', 'North-West', null, 1],
      ['CENTRE', 'Centre', null, 0],
      ['PSKOV', 'Pskov region', 'NW', 1],
      ['SPB', 'Saint Petersburg', 'NW', 0],
      ['VELIKIE_LUKI', 'Velikie Luki', 'PSKOV', 0],
    ] as const) {
      const item = await t.call('POST', `/api/dictionaries/${regionId}/items`, { token: admin, body: { code, name, parentCode, position } });
      expect(item.status).toBe(201);
      expect(item.body).toMatchObject({ code, parentCode });
      items[code] = item.body.id;
    }
    const journal = await t.call('GET', `/api/audit?entityType=dictionary_item&entityId=${items.PSKOV}`, { token: admin });
    expect(journal.body.items[0]).toMatchObject({ action: 'create', actorLogin: 'admin' });
    expect(journal.body.items[0].changes).toEqual(expect.arrayContaining([{ field: 'parentCode', old: null, new: 'NW' }]));
  });

  it('lists the items as a tree and flat, and answers "is under"', async () => {
    const tree = await t.call('GET', `/api/dictionaries/${regionId}/items?view=tree`, { token: operator });
    expect(tree.status).toBe(200);
    expect(tree.body.map((node: { code: string }) => node.code)).toEqual(['CENTRE', 'NW']);
    expect(tree.body[1].children.map((node: { code: string }) => node.code)).toEqual(['SPB', 'PSKOV']);
    expect(tree.body[1].children[1].children[0].code).toBe('VELIKIE_LUKI');
    const flat = await t.call('GET', `/api/dictionaries/${regionId}/items`, { token: operator });
    expect(flat.body).toHaveLength(5);
    const under = await t.call('GET', `/api/dictionaries/${regionId}/under?value=VELIKIE_LUKI&ancestor=NW`, { token: operator });
    expect(under.body).toEqual({ value: 'VELIKIE_LUKI', ancestor: 'NW', under: true });
    const notUnder = await t.call('GET', `/api/dictionaries/${regionId}/under?value=SPB&ancestor=PSKOV`, { token: operator });
    expect(notUnder.body.under).toBe(false);
  });

  it('serves the parent maps the rule engine reads', async () => {
    await t.call('POST', '/api/dictionaries', { token: admin, body: { code: 'CATEGORY', name: 'Client category' } });
    const all = await t.call('GET', '/api/dictionaries/hierarchy', { token: operator });
    expect(all.body.REGION).toEqual({ NW: null, CENTRE: null, PSKOV: 'NW', SPB: 'NW', VELIKIE_LUKI: 'PSKOV' });
    const one = await t.call('GET', '/api/dictionaries/hierarchy?codes=REGION', { token: operator });
    expect(Object.keys(one.body)).toEqual(['REGION']);
  });

  it('moves, reorders and deactivates items; an inactive branch is not offered', async () => {
    const moved = await t.call('PATCH', `/api/dictionaries/${regionId}/items/${items.SPB}`, { token: admin, body: { parentCode: null } });
    expect(moved.status).toBe(200);
    expect(moved.body.parentCode).toBeNull();
    expect((await t.call('PUT', `/api/dictionaries/${regionId}/items/order`, { token: admin, body: { ids: [items.SPB, items.NW, items.CENTRE] } })).status).toBe(204);
    const tree = await t.call('GET', `/api/dictionaries/${regionId}/items?view=tree`, { token: operator });
    expect(tree.body.map((node: { code: string }) => node.code)).toEqual(['SPB', 'NW', 'CENTRE']);
    await t.call('PATCH', `/api/dictionaries/${regionId}/items/${items.PSKOV}`, { token: admin, body: { active: false } });
    const offered = await t.call('GET', `/api/dictionaries/${regionId}/items?active=true`, { token: operator });
    expect(offered.body.map((item: { code: string }) => item.code).sort()).toEqual(['CENTRE', 'NW', 'SPB']);
    const journal = await t.call('GET', `/api/audit?entityType=dictionary_item&entityId=${items.PSKOV}`, { token: admin });
    expect(journal.body.items[0].changes).toEqual([{ field: 'active', old: true, new: false }]);
  });

  it('lists dictionaries with filters and paging', async () => {
    const page = await t.call('GET', '/api/dictionaries?q=reg&pageSize=1', { token: operator });
    expect(page.body).toMatchObject({ total: 1, page: 1, pageSize: 1, items: [expect.objectContaining({ code: 'REGION' })] });
    const inactive = await t.call('GET', '/api/dictionaries?active=false', { token: operator });
    expect(inactive.body.total).toBe(0);
  });

  describe('refuses bad changes and changes nothing', () => {
    const cases: [string, () => [string, string, unknown], number, string][] = [
      ['a duplicate dictionary code', () => ['POST', '/api/dictionaries', { code: 'REGION', name: 'Again' }], 409, 'duplicate'],
      ['a duplicate item code', () => ['POST', `/api/dictionaries/${regionId}/items`, { code: 'PSKOV', name: 'Again' }], 409, 'duplicate'],
      ['a malformed code', () => ['POST', '/api/dictionaries', { code: '1 bad', name: 'x' }], 400, 'validation_failed'],
      ['an unknown field', () => ['POST', '/api/dictionaries', { code: 'X', name: 'x', colour: 'red' }], 400, 'validation_failed'],
      ['an unknown parent', () => ['POST', `/api/dictionaries/${regionId}/items`, { code: 'X', name: 'x', parentCode: 'NOPE' }], 400, 'unknown_item'],
      ['a cycle', () => ['PATCH', `/api/dictionaries/${regionId}/items/${items.NW}`, { parentCode: 'VELIKIE_LUKI' }], 400, 'cycle'],
      ['removing an item with children', () => ['DELETE', `/api/dictionaries/${regionId}/items/${items.NW}`, undefined], 409, 'has_children'],
      ['reordering unknown ids', () => ['PUT', `/api/dictionaries/${regionId}/items/order`, { ids: [items.NW, 999999] }], 400, 'unknown_id'],
    ];
    it.each(cases)('%s', async (_what, make, status, code) => {
      const before = await counts();
      const [method, path, body] = make();
      const response = await t.call(method, path, { token: admin, body });
      expect(response.status).toBe(status);
      expect(response.body.code).toBe(code);
      expect(response.body.details.length).toBeGreaterThan(0);
      expect(await counts()).toEqual(before);
    });

    it('a parent in a flat dictionary', async () => {
      const flat = await t.call('POST', '/api/dictionaries', { token: admin, body: { code: 'FLAT', name: 'Flat' } });
      await t.call('POST', `/api/dictionaries/${flat.body.id}/items`, { token: admin, body: { code: 'A', name: 'A' } });
      const response = await t.call('POST', `/api/dictionaries/${flat.body.id}/items`, { token: admin, body: { code: 'B', name: 'B', parentCode: 'A' } });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([{ path: 'parentCode', message: 'this dictionary has no hierarchy' }]);
    });
  });

  it('answers 403 to an operator changing a dictionary, and changes nothing', async () => {
    const before = await counts();
    const response = await t.call('POST', '/api/dictionaries', { token: operator, body: { code: 'NOPE', name: 'Nope' } });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('permission_denied');
    expect(await counts()).toEqual(before);
  });

  it('removes a leaf item and then a whole dictionary', async () => {
    expect((await t.call('DELETE', `/api/dictionaries/${regionId}/items/${items.VELIKIE_LUKI}`, { token: admin })).status).toBe(204);
    expect((await t.call('DELETE', `/api/dictionaries/${regionId}`, { token: admin })).status).toBe(204);
    expect((await t.call('GET', `/api/dictionaries/${regionId}`, { token: admin })).status).toBe(404);
    const left = await t.dataSource.query(`SELECT COUNT(*) AS n FROM dictionary_items WHERE dictionaryId = ${regionId}`);
    expect(Number(left[0].n)).toBe(0);
  });
});
