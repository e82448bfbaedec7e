import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';

describe.each(testDatabases())('intake configuration API on %s', (database) => {
  let t: TestApp;
  let admin: string;
  let operator: string;
  let operatorId: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp(database);
    admin = await t.loginAs('admin', t.adminPassword);
    const user = await t.call('POST', '/api/users', { token: admin, body: { login: 'op', name: 'Op', password: 'password-123', roleCodes: ['operator'] } });
    operatorId = user.body.id;
    operator = await t.loginAs('op', 'password-123');
  });
  afterAll(() => t?.close());

  const count = async (table: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  it.each([
    ['channels', ['PHONE', 'EMAIL', 'WEB']],
    ['directions', ['INBOUND', 'OUTBOUND']],
    ['place-kinds', ['CALL_CENTRE', 'OFFICE']],
  ])('keeps %s as an ordered code list', async (list, codes) => {
    for (const code of codes) {
      const created = await t.call('POST', `/api/${list}`, { token: admin, body: { code, name: code.toLowerCase() } });
      expect(created.status).toBe(201);
      ids[code] = created.body.id;
    }
    await t.call('PUT', `/api/${list}/order`, { token: admin, body: { ids: [...codes].reverse().map((code) => ids[code]) } });
    const listed = await t.call('GET', `/api/${list}`, { token: operator });
    expect(listed.body.items.map((entry: { code: string }) => entry.code)).toEqual([...codes].reverse());
    const duplicate = await t.call('POST', `/api/${list}`, { token: admin, body: { code: codes[0], name: 'again' } });
    expect(duplicate.status).toBe(409);
    const denied = await t.call('POST', `/api/${list}`, { token: operator, body: { code: 'NEW', name: 'new' } });
    expect(denied.status).toBe(403);
  });

  it('deactivates an entry, and filters by it', async () => {
    const updated = await t.call('PATCH', `/api/channels/${ids.WEB}`, { token: admin, body: { active: false } });
    expect(updated.body.active).toBe(false);
    const active = await t.call('GET', '/api/channels?active=true', { token: operator });
    expect(active.body.items.map((entry: { code: string }) => entry.code)).toEqual(['EMAIL', 'PHONE']);
    const journal = await t.call('GET', `/api/audit?entityType=channel&entityId=${ids.WEB}`, { token: admin });
    expect(journal.body.items[0].changes).toEqual([{ field: 'active', old: true, new: false }]);
  });

  it('builds the tree of contact places and refuses a cycle', async () => {
    const place = async (code: string, parentId: number | null, kindId: number | null) => {
      const created = await t.call('POST', '/api/contact-places', { token: admin, body: { code, name: code, parentId, kindId } });
      expect(created.status).toBe(201);
      ids[code] = created.body.id;
    };
    await place('HEAD_OFFICE', null, ids.OFFICE);
    await place('CORPORATE', ids.HEAD_OFFICE, ids.CALL_CENTRE);
    await place('VIP_DESK', ids.CORPORATE, ids.CALL_CENTRE);
    await place('MASS_DESK', ids.CORPORATE, ids.CALL_CENTRE);
    const tree = await t.call('GET', '/api/contact-places?view=tree', { token: operator });
    expect(tree.body[0].code).toBe('HEAD_OFFICE');
    expect(tree.body[0].children[0].children.map((node: { code: string }) => node.code).sort()).toEqual(['MASS_DESK', 'VIP_DESK']);
    const before = await count('contact_places');
    const cycle = await t.call('PATCH', `/api/contact-places/${ids.HEAD_OFFICE}`, { token: admin, body: { parentId: ids.VIP_DESK } });
    expect(cycle.status).toBe(400);
    expect(cycle.body.details).toEqual([{ path: 'parentId', message: 'would form a cycle' }]);
    const unknownKind = await t.call('POST', '/api/contact-places', { token: admin, body: { code: 'X', name: 'X', kindId: 999999 } });
    expect(unknownKind.status).toBe(400);
    expect(await count('contact_places')).toBe(before);
  });

  it('gives an operator a contact template and serves it as "mine"', async () => {
    const created = await t.call('POST', '/api/contact-templates', {
      token: admin,
      body: {
        code: 'VIP_CALLS',
        name: 'VIP calls',
        placeKindId: ids.CALL_CENTRE,
        allowedPlaceIds: [ids.VIP_DESK, ids.MASS_DESK],
        defaultPlaceId: ids.VIP_DESK,
        directionId: ids.INBOUND,
        channelId: ids.PHONE,
        allowedTopicIds: [11, 12],
        defaultTopicId: 11,
        allowedClientCategories: ['BIS', 'VIP'],
        defaultClientCategory: 'BIS',
        operatorIds: [operatorId],
      },
    });
    expect(created.status).toBe(201);
    ids.VIP_CALLS = created.body.id;
    const mine = await t.call('GET', '/api/contact-templates/mine', { token: operator });
    expect(mine.status).toBe(200);
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0]).toMatchObject({
      code: 'VIP_CALLS',
      placeKind: { code: 'CALL_CENTRE' },
      defaultPlace: { code: 'VIP_DESK' },
      direction: { code: 'INBOUND' },
      channel: { code: 'PHONE' },
      allowedTopicIds: [11, 12],
      defaultClientCategory: 'BIS',
    });
    expect(mine.body[0].allowedPlaces.map((place: { code: string }) => place.code).sort()).toEqual(['MASS_DESK', 'VIP_DESK']);
    expect((await t.call('GET', '/api/contact-templates/mine', { token: admin })).body).toEqual([]);
  });

  describe('refuses an inconsistent template and changes nothing', () => {
    const cases: [string, () => Record<string, unknown>, string][] = [
      ['a default place outside the allowed ones', () => ({ allowedPlaceIds: [ids.VIP_DESK], defaultPlaceId: ids.MASS_DESK }), 'defaultPlaceId'],
      ['a default topic outside the allowed ones', () => ({ allowedTopicIds: [1], defaultTopicId: 2 }), 'defaultTopicId'],
      ['a default category outside the allowed ones', () => ({ allowedClientCategories: ['VIP'], defaultClientCategory: 'BIS' }), 'defaultClientCategory'],
      ['a place of another kind', () => ({ placeKindId: ids.OFFICE, allowedPlaceIds: [ids.VIP_DESK] }), 'allowedPlaceIds'],
      ['an unknown channel', () => ({ channelId: 999999 }), 'channelId'],
      ['an unknown operator', () => ({ operatorIds: [999999] }), 'operatorIds'],
    ];
    it.each(cases)('%s', async (_what, make, path) => {
      const before = { templates: await count('contact_templates'), links: await count('contact_template_operators'), audit: await count('audit_entries') };
      const response = await t.call('POST', '/api/contact-templates', { token: admin, body: { code: 'BAD', name: 'Bad', ...make() } });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('invalid_template');
      expect(response.body.details.map((detail: { path: string }) => detail.path)).toContain(path);
      expect({ templates: await count('contact_templates'), links: await count('contact_template_operators'), audit: await count('audit_entries') }).toEqual(before);
    });
  });

  it('refuses to remove what a template uses, and journals template changes', async () => {
    const inUse = await t.call('DELETE', `/api/channels/${ids.PHONE}`, { token: admin });
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('in_use');
    const placeInUse = await t.call('DELETE', `/api/contact-places/${ids.MASS_DESK}`, { token: admin });
    expect(placeInUse.status).toBe(409);
    const updated = await t.call('PATCH', `/api/contact-templates/${ids.VIP_CALLS}`, { token: admin, body: { operatorIds: [], defaultTopicId: 12 } });
    expect(updated.status).toBe(200);
    const journal = await t.call('GET', `/api/audit?entityType=contact_template&entityId=${ids.VIP_CALLS}`, { token: admin });
    expect(journal.body.items[0].changes).toEqual([
      { field: 'defaultTopicId', old: 11, new: 12 },
      { field: 'operatorIds', old: [operatorId], new: [] },
    ]);
    expect((await t.call('GET', '/api/contact-templates/mine', { token: operator })).body).toEqual([]);
    expect((await t.call('DELETE', `/api/contact-templates/${ids.VIP_CALLS}`, { token: admin })).status).toBe(204);
    expect((await t.call('DELETE', `/api/channels/${ids.PHONE}`, { token: admin })).status).toBe(204);
  });

  it('registers a contact through the template the operator chose, or else their first, and refuses one not theirs', async () => {
    const topic = async (code: string) => (await t.call('POST', '/api/topics', { token: admin, body: { code, name: code, kind: 'topic' } })).body.id as number;
    const [water, power] = [await topic('WATER'), await topic('POWER')];
    const template = async (code: string, fields: Record<string, unknown>) => {
      const created = await t.call('POST', '/api/contact-templates', { token: admin, body: { code, name: code, operatorIds: [operatorId], ...fields } });
      expect(created.status).toBe(201);
      return created.body.id as number;
    };
    // Offered, and defaulted, in the order of position then code: B_WEB comes first although written last.
    const mail = await template('A_MAIL', { channelId: ids.EMAIL, directionId: ids.OUTBOUND, allowedTopicIds: [power], position: 2 });
    const retired = await template('C_RETIRED', { channelId: ids.EMAIL, active: false });
    const others = await template('D_OTHERS', { channelId: ids.EMAIL, operatorIds: [] });
    const web = await template('B_WEB', { channelId: ids.WEB, directionId: ids.INBOUND, allowedTopicIds: [water], position: 1 });
    expect((await t.call('GET', '/api/contact-templates/mine', { token: operator })).body.map((mine: { id: number }) => mine.id)).toEqual([web, mail]);

    const register = (topicId: number, templateId?: number) => t.call('POST', '/api/contacts', { token: operator, body: { ...(templateId === undefined ? {} : { templateId }), requests: [{ topicId, type: 'incident', impact: 3, urgency: 3, subject: 'No water' }] } });
    const contactOf = async (response: { status: number; body: { contact: { id: number } } }) => {
      expect(response.status).toBe(201);
      return (await t.dataSource.query('SELECT channelId, directionId FROM contacts WHERE id = ?', [response.body.contact.id]))[0];
    };
    expect(await contactOf(await register(water))).toEqual({ channelId: ids.WEB, directionId: ids.INBOUND });
    expect(await contactOf(await register(power, mail))).toEqual({ channelId: ids.EMAIL, directionId: ids.OUTBOUND });

    const before = await count('contacts');
    const outsideChosen = await register(water, mail);
    expect([outsideChosen.status, outsideChosen.body.details]).toEqual([400, [{ path: 'requests.0.topicId', message: 'not allowed by your contact template' }]]);
    for (const notMine of [retired, others, 999999]) {
      const refused = await register(water, notMine);
      expect([refused.status, refused.body.code, refused.body.details]).toEqual([400, 'invalid_contact', [{ path: 'templateId', message: 'not one of your active contact templates' }]]);
    }
    expect(await count('contacts')).toBe(before);
  });
});
