import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';

const VIP_RULE = { '==': [{ var: 'client.category' }, 'VIP'] };

describe.each(testDatabases())('topics and attributes on %s', (database) => {
  let t: TestApp;
  let admin: string;
  const ids: Record<string, number> = {};

  const post = async (path: string, body: unknown, status = 201) => {
    const response = await t.call('POST', path, { token: admin, body });
    if (response.status !== status) throw new Error(`POST ${path} answered ${response.status}, not ${status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const attribute = async (code: string, fields: Record<string, unknown>) => (ids[code] = (await post('/api/attributes', { code, name: code.toLowerCase(), ...fields })).id);
  const bind = (node: string, code: string, overrides: Record<string, unknown> = {}) => post(`/api/topics/${ids[node]}/attributes`, { attributeId: ids[code], ...overrides });
  const resolve = async (context: unknown, extra: Record<string, unknown> = {}) => {
    const response = await t.call('POST', `/api/topics/${ids.CONTRACT_TERMINATION}/resolve`, { token: admin, body: { context, ...extra } });
    expect(response.status).toBe(200);
    return response.body;
  };
  const find = (form: { attributes: { code: string }[] }, code: string) => form.attributes.find((entry) => entry.code === code) as any; // eslint-disable-line @typescript-eslint/no-explicit-any

  beforeAll(async () => {
    t = await startTestApp(database);
    admin = await t.loginAs('admin', t.adminPassword);
    // The seed's own example.
    ids.TEST = (await post('/api/topics', { code: 'TEST', name: 'Test', kind: 'group' })).id;
    ids.CONTRACT_TERMINATION = (await post('/api/topics', { code: 'CONTRACT_TERMINATION', name: 'Contract termination', kind: 'topic', parentId: ids.TEST })).id;
    ids.OTHER = (await post('/api/topics', { code: 'OTHER', name: 'Other topic', kind: 'topic', parentId: ids.TEST })).id;
    const termination = (await post('/api/attribute-groups', { name: 'Termination', collapsed: false })).id;
    const internal = (await post('/api/attribute-groups', { name: 'Internal', collapsed: true })).id;
    await attribute('TEST_FLAG', { valueType: 'boolean', defaultValue: { fixed: false } });
    await attribute('TERMINATION_CITY', { valueType: 'string', attributeGroupId: termination, defaultValue: { rule: { var: 'client.region' } } });
    await attribute('TERMINATION_DATE', { valueType: 'date', required: true, attributeGroupId: termination, min: '2020-01-01' });
    await attribute('CLIENT_CATEGORY', { valueType: 'dictionary', dictionaryCode: 'CLIENT_CATEGORIES', hidden: true, attributeGroupId: internal });
    await attribute('SPECIAL_REASONS', { valueType: 'text', max: 2000 });
    await attribute('REASON', { valueType: 'string', required: true, regex: '^\\S' });
    await attribute('FINANCIAL_CARD', { valueType: 'string', hidden: true, mask: '99-999999', attributeGroupId: internal });
    await attribute('SMS_RULE', { valueType: 'boolean', required: { rule: VIP_RULE } });
    await bind('TEST', 'TEST_FLAG');
    for (const code of ['TERMINATION_CITY', 'TERMINATION_DATE', 'CLIENT_CATEGORY', 'SPECIAL_REASONS', 'REASON', 'FINANCIAL_CARD', 'SMS_RULE']) await bind('CONTRACT_TERMINATION', code);
  });
  afterAll(() => t?.close());

  it('gives every topic of the group the group attribute, and each topic only its own', async () => {
    const other = await t.call('POST', `/api/topics/${ids.OTHER}/resolve`, { token: admin, body: {} });
    expect(other.body.attributes.map((entry: { code: string }) => entry.code)).toEqual(['TEST_FLAG']);
    const form = await resolve({});
    expect(form.path.map((node: { code: string }) => node.code)).toEqual(['TEST', 'CONTRACT_TERMINATION']);
    expect(form.attributes.map((entry: { code: string }) => entry.code)).toEqual(['TEST_FLAG', 'SPECIAL_REASONS', 'REASON', 'SMS_RULE', 'TERMINATION_CITY', 'TERMINATION_DATE', 'CLIENT_CATEGORY', 'FINANCIAL_CARD']);
    expect(find(form, 'TEST_FLAG')).toMatchObject({ boundAt: { code: 'TEST' }, default: false, required: false, allowedValues: [true, false] });
    expect(form.groups.map((group: { name: string; collapsed: boolean }) => [group.name, group.collapsed])).toEqual([['Termination', false], ['Internal', true]]);
  });

  it('makes SMS_RULE required only when the rule on the client holds, and says which rule fired', async () => {
    const vip = find(await resolve({ client: { category: 'VIP', region: 'Pskov' } }), 'SMS_RULE');
    expect(vip.required).toBe(true);
    expect(vip.explanation.required).toMatchObject({ value: true, decidedBy: 'attribute', chain: [{ source: 'attribute', setting: { rule: VIP_RULE } }], rule: { rule: VIP_RULE, fired: true, value: true } });
    expect(vip.explanation.required.rule.trace).toMatchObject({ operator: '==' });
    const bis = find(await resolve({ client: { category: 'BIS' } }), 'SMS_RULE');
    expect(bis.explanation.required).toMatchObject({ value: false, rule: { fired: false, value: false } });
    const none = find(await resolve({}), 'SMS_RULE');
    expect(none.required).toBe(false);
  });

  it('computes rule defaults from the context and lists hidden and required attributes in the form schema', async () => {
    const form = await resolve({ client: { category: 'VIP', region: 'Pskov' } });
    expect(find(form, 'TERMINATION_CITY')).toMatchObject({ default: 'Pskov', explanation: { default: { decidedBy: 'attribute', rule: { value: 'Pskov' } } } });
    expect(find(form, 'CLIENT_CATEGORY')).toMatchObject({ hidden: true, explanation: { hidden: { value: true, decidedBy: 'attribute' } } });
    expect(Object.keys(form.schema.properties).sort()).toEqual(['REASON', 'SMS_RULE', 'SPECIAL_REASONS', 'TERMINATION_CITY', 'TERMINATION_DATE', 'TEST_FLAG']);
    expect(form.schema.required.sort()).toEqual(['REASON', 'SMS_RULE', 'TERMINATION_DATE']);
    expect(form.schema.properties.TERMINATION_DATE).toMatchObject({ type: 'string', format: 'date', formatMinimum: '2020-01-01', title: 'termination_date' });
    expect(form.schema.properties.TERMINATION_CITY.default).toBe('Pskov');
  });

  it('applies a topic override of an inherited flag, then a route-step override on top, in the explanation chain', async () => {
    await bind('CONTRACT_TERMINATION', 'TEST_FLAG', { hidden: { rule: { '!': [{ var: 'user.login' }] } } });
    const topicLevel = find(await resolve({ user: { login: 'operator' } }), 'TEST_FLAG');
    expect(topicLevel.explanation.hidden).toMatchObject({ value: false, decidedBy: 'topic', chain: [{ source: 'attribute', setting: false }, { source: 'topic', node: { code: 'CONTRACT_TERMINATION' } }] });
    const atStep = await resolve({ user: { login: 'operator' } }, { stepId: 'approve', stepOverrides: { TEST_FLAG: { hidden: true }, REASON: { readOnly: true } } });
    expect(atStep.step).toEqual({ id: 'approve' });
    expect(find(atStep, 'TEST_FLAG').explanation.hidden).toMatchObject({ value: true, decidedBy: 'step', chain: [{ source: 'attribute' }, { source: 'topic' }, { source: 'step', step: { id: 'approve' }, setting: true }] });
    expect(find(atStep, 'REASON')).toMatchObject({ readOnly: true, explanation: { readOnly: { decidedBy: 'step' } } });
    expect(atStep.schema.properties.REASON.readOnly).toBe(true);
    expect(atStep.schema.properties.TEST_FLAG).toBeUndefined();
  });

  it('serves the form to a signed-in user and leaves inactive attributes out of new forms', async () => {
    await post(`/api/attributes/${ids.SPECIAL_REASONS}/deactivate`, undefined, 200);
    const form = await t.call('GET', `/api/topics/${ids.CONTRACT_TERMINATION}/form?step=register`, { token: admin });
    expect(form.status).toBe(200);
    expect(find(form.body, 'SPECIAL_REASONS')).toBeUndefined();
    const existing = await t.call('GET', `/api/topics/${ids.CONTRACT_TERMINATION}/form?includeInactive=true`, { token: admin });
    expect(find(existing.body, 'SPECIAL_REASONS')).toMatchObject({ active: false });
    await post(`/api/attributes/${ids.SPECIAL_REASONS}/activate`, undefined, 200);
  });

  it('journals every change with old → new', async () => {
    const response = await t.call('PATCH', `/api/attributes/${ids.REASON}`, { token: admin, body: { name: 'Reason for termination' } });
    expect(response.status).toBe(200);
    const journal = await t.call('GET', `/api/audit?entityType=attribute&entityId=${ids.REASON}`, { token: admin });
    expect(journal.body.items[0]).toMatchObject({ action: 'update', actorLogin: 'admin', changes: [{ field: 'name', old: 'reason', new: 'Reason for termination' }] });
  });

  it('lists, filters and reorders', async () => {
    const topics = await t.call('GET', `/api/topics?parent=${ids.TEST}&kind=topic`, { token: admin });
    expect(topics.body.items.map((node: { code: string }) => node.code)).toEqual(['CONTRACT_TERMINATION', 'OTHER']);
    expect((await post('/api/topics/reorder', { ids: [ids.OTHER, ids.CONTRACT_TERMINATION] }, 200)).map((node: { order: number }) => node.order)).toEqual([0, 1]);
    const booleans = await t.call('GET', '/api/attributes?valueType=boolean&search=SMS', { token: admin });
    expect(booleans.body).toMatchObject({ total: 1, items: [{ code: 'SMS_RULE' }] });
    await post('/api/topics/reorder', { ids: [ids.OTHER] }, 400);
  });

  describe('bad configuration is refused with a clear message and changes nothing', () => {
    const cases: Array<[string, () => [string, string, unknown], number, string, RegExp]> = [
      ['a cycle in the topic tree', () => ['PATCH', `/api/topics/${ids.TEST}`, { parentId: ids.SUB }], 400, 'invalid_configuration', /cycle: TEST → SUB → TEST|cycle: SUB → TEST → SUB/],
      ['a topic holding other nodes', () => ['POST', '/api/topics', { code: 'UNDER_TOPIC', name: 'x', kind: 'topic', parentId: ids.OTHER }], 400, 'invalid_configuration', /only a topic group can hold/],
      ['a rule reading an attribute the topic does not have', () => ['PATCH', `/api/topics/${ids.CONTRACT_TERMINATION}/attributes/${ids.REASON}`, { required: { rule: { '==': [{ var: 'request.attributes.NO_SUCH' }, 1] } } }], 400, 'invalid_configuration', /NO_SUCH/],
      ['binding an attribute whose rule reads one the topic lacks', () => ['POST', `/api/topics/${ids.OTHER}/attributes`, { attributeId: ids.READS_CITY }], 400, 'invalid_configuration', /OTHER.*TERMINATION_CITY/],
      ['a regex that does not compile', () => ['POST', '/api/attributes', { code: 'BAD_REGEX', name: 'x', valueType: 'string', regex: '(abc' }], 400, 'invalid_configuration', /does not compile/],
      ['a regex that backtracks catastrophically', () => ['PATCH', `/api/attributes/${ids.REASON}`, { regex: '^(a+)+$' }], 400, 'invalid_configuration', /exponential/],
      ['a default of the wrong type', () => ['POST', '/api/attributes', { code: 'BAD_DEFAULT', name: 'x', valueType: 'integer', defaultValue: { fixed: 'abc' } }], 400, 'invalid_configuration', /default .*abc.* does not fit/],
      ['a default that does not match the regex', () => ['PATCH', `/api/topics/${ids.CONTRACT_TERMINATION}/attributes/${ids.REASON}`, { defaultValue: { fixed: ' starts with a space' } }], 400, 'invalid_configuration', /must match pattern/],
      ['a duplicate attribute code', () => ['POST', '/api/attributes', { code: 'REASON', name: 'x', valueType: 'string' }], 409, 'duplicate', /REASON/],
      ['a duplicate topic code', () => ['POST', '/api/topics', { code: 'TEST', name: 'x', kind: 'group' }], 409, 'duplicate', /TEST/],
      ['a flag that is neither boolean nor rule', () => ['POST', '/api/attributes', { code: 'BAD_FLAG', name: 'x', valueType: 'string', hidden: 'yes' }], 400, 'validation_failed', /hidden/],
      ['a decimal without a scale', () => ['POST', '/api/attributes', { code: 'NO_SCALE', name: 'x', valueType: 'decimal' }], 400, 'invalid_configuration', /scale/],
    ];

    beforeAll(async () => {
      ids.SUB = (await post('/api/topics', { code: 'SUB', name: 'Sub', kind: 'group', parentId: ids.TEST })).id;
      await attribute('READS_CITY', { valueType: 'boolean', hidden: { rule: { '==': [{ var: 'request.attributes.TERMINATION_CITY' }, 'Pskov'] } } });
    });

    const counts = async () => {
      const [row] = await t.dataSource.query(
        'SELECT (SELECT COUNT(*) FROM topic_nodes) AS nodes, (SELECT COUNT(*) FROM attributes) AS attributes, (SELECT COUNT(*) FROM attribute_bindings) AS bindings, (SELECT COUNT(*) FROM audit_entries) AS audit, (SELECT MAX(parentId) FROM topic_nodes) AS parents',
      );
      return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)]));
    };

    it.each(cases)('%s', async (_what, build, status, code, pattern) => {
      const [method, path, body] = build();
      const before = await counts();
      const response = await t.call(method, path, { token: admin, body });
      expect(response.status).toBe(status);
      expect(response.body.code).toBe(code);
      expect(JSON.stringify(response.body)).toMatch(pattern);
      expect(response.body.details.every((detail: { path: unknown }) => typeof detail.path === 'string')).toBe(true);
      expect(await counts()).toEqual(before);
    });
  });
});
