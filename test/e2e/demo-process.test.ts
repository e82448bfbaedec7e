import { spawnServer, startTestApp, TestApp, TEST_ADMIN_PASSWORD } from '../helpers/app';
import { testDatabases } from '../helpers/databases';

describe.each(testDatabases())('the demo process on %s', (database) => {
  let t: TestApp;
  let operator: string;
  let admin: string;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp(database, { DOCKET_DEMO: '1' });
    operator = await t.loginAs('operator', 'operator-demo-1');
    admin = await t.loginAs('admin', t.adminPassword);
    const users = await t.call('GET', '/api/users?pageSize=100', { token: admin });
    for (const user of users.body.items as { login: string; id: number }[]) ids[user.login] = user.id;
    const topics = await t.call('GET', '/api/topics?kind=topic&search=CONTRACT_TERMINATION', { token: admin });
    ids.topic = topics.body.items[0].id;
  });
  afterAll(() => t?.close());

  it('puts the operator and the specialist in both queues, administered by the manager', async () => {
    const mine = await t.call('GET', '/api/queues?mine=true', { token: operator });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((queue: { code: string; name: string }) => [queue.code, queue.name])).toEqual([['CP', 'Contract processing'], ['PSKOV', 'Pskov region']]);
    for (const queue of mine.body.items) expect(queue).toMatchObject({ memberIds: [ids.operator, ids.specialist].sort((a, b) => a - b), administratorIds: [ids.manager], active: true });
  });

  it('serves the topic form with the seed attributes, SMS_RULE required only for a VIP client', async () => {
    const form = await t.call('GET', `/api/topics/${ids.topic}/form`, { token: operator });
    expect(form.status).toBe(200);
    expect(form.body.path.map((node: { name: string }) => node.name)).toEqual(['Test', 'Contract termination']);
    const byCode = Object.fromEntries(form.body.attributes.map((entry: { code: string }) => [entry.code, entry]));
    expect(Object.keys(byCode).sort()).toEqual(['CLIENT_CATEGORY', 'CONTRACT_STATE', 'FINANCIAL_CARD', 'REASON', 'REFUSAL_REASON', 'REJECTIONS', 'SMS_RULE', 'SPECIAL_REASONS', 'TERMINATION_CITY', 'TERMINATION_DATE']);
    expect(byCode.TERMINATION_DATE).toMatchObject({ name: 'Termination date', required: true });
    expect(byCode.REASON).toMatchObject({ required: true });
    expect(byCode.CLIENT_CATEGORY).toMatchObject({ hidden: true });
    expect(byCode.FINANCIAL_CARD).toMatchObject({ hidden: true });
    expect(byCode.SMS_RULE.required).toBe(false);
    expect(form.body.groups.map((group: { name: string; collapsed: boolean }) => [group.name, group.collapsed])).toEqual([['Termination', false], ['Internal', true]]);
    const vip = await t.call('POST', `/api/topics/${ids.topic}/resolve`, { token: admin, body: { context: { client: { category: 'VIP' } } } });
    expect(vip.body.attributes.find((entry: { code: string }) => entry.code === 'SMS_RULE').required).toBe(true);
    const columns = await t.call('GET', '/api/attributes?listColumn=true', { token: admin });
    expect(columns.body.items.map((attribute: { code: string }) => attribute.code).sort()).toEqual(['TERMINATION_CITY', 'TERMINATION_DATE']);
  });

  it('publishes the contract termination route for the topic', async () => {
    const routes = await t.call('GET', '/api/routes?search=CONTRACT_TERMINATION', { token: admin });
    expect(routes.body.items).toEqual([expect.objectContaining({ code: 'CONTRACT_TERMINATION', topicIds: [ids.topic], publishedVersion: 1, draftVersion: null })]);
  });

  it('lets the operator register a termination request that lands in a demo queue at the Register step', async () => {
    const payload = { requests: [{ topicId: ids.topic, type: 'change', impact: 3, urgency: 3, subject: 'Terminate the contract', attributes: { TERMINATION_DATE: '2026-06-30', REASON: 'Moving abroad' } }] };
    const refused = await t.call('POST', '/api/contacts', { token: operator, body: { requests: [{ ...payload.requests[0], attributes: { REASON: 'Moving abroad' } }] } });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.details)).toContain('TERMINATION_DATE');

    const created = await t.call('POST', '/api/contacts', { token: operator, body: payload });
    expect(created.status).toBe(201);
    const [request] = created.body.requests;
    const queues = await t.call('GET', '/api/queues', { token: operator });
    const codeOf = new Map(queues.body.items.map((queue: { id: number; code: string }) => [queue.id, queue.code]));
    expect(['CP', 'PSKOV']).toContain(codeOf.get(request.queueId));
    expect(request).toMatchObject({ status: 'in_progress', currentSteps: 'Register' });
  });

  it('loads the process only once', async () => {
    const count = async (table: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    const counts = async () => ({ queues: await count('queues'), topics: await count('topic_nodes'), attributes: await count('attributes'), routes: await count('routes'), versions: await count('route_versions') });
    const before = await counts();
    const options = t.dataSource.options as { database?: string; url?: string };
    const url = database === 'sqlite' ? `sqlite:${options.database}` : options.url!;
    const again = await spawnServer({ DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', DOCKET_DEMO: '1', DOCKET_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD });
    await again.stop();
    expect(await counts()).toEqual(before);
    expect(before).toEqual({ queues: 2, topics: 2, attributes: 10, routes: 1, versions: 1 });
  });
});
