import { spawnServer, startTestApp, TestApp, TEST_ADMIN_PASSWORD } from '../helpers/app';
import { testDatabases } from '../helpers/databases';

describe.each(testDatabases())('the demo directory on %s', (database) => {
  let t: TestApp;
  let operator: string;

  beforeAll(async () => {
    t = await startTestApp(database, { DOCKET_DEMO: '1' });
    operator = await t.loginAs('operator', 'operator-demo-1');
  });
  afterAll(() => t?.close());

  const count = async (table: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  it('gives the demo operator a call-centre template on the phone channel', async () => {
    const mine = await t.call('GET', '/api/contact-templates/mine', { token: operator });
    expect(mine.body).toEqual([expect.objectContaining({ code: 'CALL_CENTRE_INBOUND', channel: expect.objectContaining({ code: 'PHONE' }), direction: expect.objectContaining({ code: 'INBOUND' }) })]);
  });

  it('has a BIS client in the Pskov region, found by phone', async () => {
    const found = await t.call('GET', '/api/clients?phone=72-00-01', { token: operator });
    expect(found.body.items).toEqual([expect.objectContaining({ name: 'Pskov-Telecom LLC', category: 'BIS', region: 'PSKOV_CITY' })]);
    const regions = await t.call('GET', '/api/dictionaries?q=REGION', { token: operator });
    const under = await t.call('GET', `/api/dictionaries/${regions.body.items[0].id}/under?value=PSKOV_CITY&ancestor=PSKOV`, { token: operator });
    expect(under.body.under).toBe(true);
    expect((await t.call('GET', '/api/channels', { token: operator })).body.items.map((c: { code: string }) => c.code)).toEqual(['PHONE', 'EMAIL', 'WEB']);
    expect((await t.call('GET', '/api/directions', { token: operator })).body.items.map((c: { code: string }) => c.code)).toEqual(['INBOUND', 'OUTBOUND']);
  });

  it('loads the demo only once', async () => {
    const before = { clients: await count('clients'), dictionaries: await count('dictionaries'), templates: await count('contact_templates') };
    const options = t.dataSource.options as { database?: string; url?: string };
    const url = database === 'sqlite' ? `sqlite:${options.database}` : options.url!;
    const again = await spawnServer({ DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', DOCKET_DEMO: '1', DOCKET_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD });
    await again.stop();
    expect({ clients: await count('clients'), dictionaries: await count('dictionaries'), templates: await count('contact_templates') }).toEqual(before);
    expect(before.clients).toBe(4);
  });
});
