import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';

/** The two reads the operator workspace added: the topic catalog for the picker, and list-column values in the request list. */
describe.each(testDatabases())('the workspace reads on %s', (database) => {
  let t: TestApp;
  let operator: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp(database, { DOCKET_DEMO: '1' });
    operator = await t.loginAs('operator', 'operator-demo-1');
    admin = await t.loginAs('admin', t.adminPassword);
  });
  afterAll(() => t?.close());

  it('gives an operator the active topic tree without topics.manage, and refuses one who cannot register requests', async () => {
    const catalog = await t.call('GET', '/api/topic-catalog', { token: operator });
    expect(catalog.status).toBe(200);
    expect(catalog.body.map((node: { code: string; kind: string }) => [node.code, node.kind])).toEqual([['TEST', 'group'], ['CONTRACT_TERMINATION', 'topic']]);
    const [group, topic] = catalog.body;
    expect(topic).toEqual({ id: expect.any(Number), code: 'CONTRACT_TERMINATION', name: 'Contract termination', kind: 'topic', parentId: group.id });
    expect((await t.call('GET', '/api/topics', { token: operator })).status).toBe(403);

    expect((await t.call('POST', `/api/topics/${topic.id}/deactivate`, { token: admin })).status).toBe(200);
    expect((await t.call('GET', '/api/topic-catalog', { token: operator })).body.map((node: { code: string }) => node.code)).toEqual(['TEST']);
    expect((await t.call('POST', `/api/topics/${topic.id}/activate`, { token: admin })).status).toBe(200);

    const manager = await t.loginAs('manager', 'manager-demo-1');
    const refused = await t.call('GET', '/api/topic-catalog', { token: manager });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });

  it('lists requests with the administrator\'s list columns as headings and as values of each row', async () => {
    const [, topic] = (await t.call('GET', '/api/topic-catalog', { token: operator })).body;
    const created = await t.call('POST', '/api/contacts', { token: operator, body: { requests: [{ topicId: topic.id, type: 'change', impact: 3, urgency: 3, subject: 'Terminate', attributes: { TERMINATION_DATE: '2026-06-30', REASON: 'Moving', TERMINATION_CITY: 'Pskov' } }] } });
    expect(created.status).toBe(201);
    const list = await t.call('GET', '/api/requests', { token: operator });
    expect(list.status).toBe(200);
    expect(list.body.columns).toEqual([
      { code: 'TERMINATION_CITY', name: 'Termination city', valueType: 'string' },
      { code: 'TERMINATION_DATE', name: 'Termination date', valueType: 'date' },
    ]);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].columns.TERMINATION_CITY).toBe('Pskov');
    expect(String(list.body.items[0].columns.TERMINATION_DATE)).toMatch(/^2026-06-30/);
    expect(Object.keys(list.body.items[0]).some((key) => key.startsWith('list'))).toBe(false);
  });
});
