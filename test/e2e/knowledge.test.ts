import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { apiAs } from '../helpers/request-data';

describe.each(testDatabases())('knowledge base on %s', (database) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const { as, ok } = apiAs(() => t, tokens);
  const ids: Record<string, number> = {};
  const titles = (page: { items: { title: string }[] }) => page.items.map((item) => item.title).sort();

  beforeAll(async () => {
    t = await startTestApp(database);
    tokens.admin = await t.loginAs('admin', t.adminPassword);
    for (const [login, role] of [['op', 'operator'], ['analyst', 'analyst'], ['cust', 'customer']]) {
      ids[login] = (await ok('admin', 'POST', '/api/users', { login, name: login, password: `${login}-password-1`, roleCodes: [role] }, 201)).id;
    }
    ids.client = (await ok('admin', 'POST', '/api/clients', { name: 'Pskov Telecom', kind: 'company' }, 201)).id;
    await ok('admin', 'PUT', `/api/users/${ids.cust}/customer`, { clientId: ids.client }, 200);
    for (const login of ['op', 'analyst', 'cust']) tokens[login] = await t.loginAs(login, `${login}-password-1`);
    ids.topic = (await ok('admin', 'POST', '/api/topics', { code: 'VPN', name: 'VPN', kind: 'topic' }, 201)).id;
    const article = async (key: string, body: Record<string, unknown>) => (ids[key] = (await ok('admin', 'POST', '/api/knowledge/articles', body, 201)).id);
    await article('reset', { title: 'Resetting your VPN password', body: '<p>Open <b>Settings</b><script>alert(1)</script></p>', topicIds: [ids.topic], tags: ['vpn', ' VPN ', 'Password'], published: true, audience: 'customer' });
    await article('draft', { title: 'VPN outage (draft)', body: '<p>Being written</p>', published: false, audience: 'customer' });
    await article('internal', { title: 'VPN concentrator restart', body: '<p>Staff only: restart node 2</p>', published: true, audience: 'internal' });
    await article('percent', { title: 'Disk at 100% on the mail server', body: '<p>Клиент: очистите почтовый ящик</p>', published: true, audience: 'customer' });
  });
  afterAll(() => t?.close());

  it('stores sanitised articles with their topics, normalised tags and a version, and journals them', async () => {
    const stored = await ok('admin', 'GET', `/api/knowledge/articles/${ids.reset}`, undefined, 200);
    expect(stored).toMatchObject({ title: 'Resetting your VPN password', body: '<p>Open <b>Settings</b></p>', topicIds: [ids.topic], tags: ['vpn', 'Password'], published: true, audience: 'customer', version: 1 });
    const journal = await t.dataSource.query("SELECT action FROM audit_entries WHERE entityType = 'knowledgeArticle' AND entityId = ?", [String(ids.reset)]);
    expect(journal).toEqual([{ action: 'create' }]);
  });

  it('refuses bad input with the error shape and changes nothing', async () => {
    const count = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM knowledge_articles'))[0].n);
    const before = await count();
    const invalid = await as('admin', 'POST', '/api/knowledge/articles', { title: '', body: 'x', audience: 'everyone' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['audience', 'title']);
    const topic = await as('admin', 'POST', '/api/knowledge/articles', { title: 'x', body: 'y', audience: 'customer', topicIds: [999999] });
    expect(topic.body).toMatchObject({ code: 'invalid_article', details: [{ path: 'topicIds', message: 'unknown topic 999999' }] });
    const script = await as('admin', 'POST', '/api/knowledge/articles', { title: 'x', body: '<script>only</script>', audience: 'customer' });
    expect(script.body.details).toEqual([{ path: 'body', message: expect.any(String) }]);
    expect(await count()).toBe(before);
    expect((await as('op', 'POST', '/api/knowledge/articles', { title: 'x', body: 'y', audience: 'customer' })).status).toBe(403);
  });

  it('updates with the version read (409 when stale) and deletes', async () => {
    const created = await ok('admin', 'POST', '/api/knowledge/articles', { title: 'Temporary', body: 'text', audience: 'internal' }, 201);
    const updated = await ok('admin', 'PATCH', `/api/knowledge/articles/${created.id}`, { expectedVersion: 1, title: 'Temporary note', topicIds: [ids.topic] }, 200);
    expect(updated).toMatchObject({ title: 'Temporary note', body: 'text', version: 2, topicIds: [ids.topic] });
    const stale = await as('admin', 'PATCH', `/api/knowledge/articles/${created.id}`, { expectedVersion: 1, title: 'Lost update' });
    expect(stale.status).toBe(409);
    expect((await ok('admin', 'GET', `/api/knowledge/articles/${created.id}`, undefined, 200)).title).toBe('Temporary note');
    expect((await as('admin', 'DELETE', `/api/knowledge/articles/${created.id}`)).status).toBe(204);
    expect((await as('admin', 'GET', `/api/knowledge/articles/${created.id}`)).status).toBe(404);
    const actions = await t.dataSource.query("SELECT action FROM audit_entries WHERE entityType = 'knowledgeArticle' AND entityId = ? ORDER BY id", [String(created.id)]);
    expect(actions.map((row: { action: string }) => row.action)).toEqual(['create', 'update', 'delete']);
  });

  it('lets staff search published articles of both audiences, every word matching, case-insensitively and literally', async () => {
    expect(titles(await ok('op', 'GET', '/api/knowledge/search?q=vpn', undefined, 200))).toEqual(['Resetting your VPN password', 'VPN concentrator restart']);
    expect(titles(await ok('op', 'GET', '/api/knowledge/search?q=VPN%20restart', undefined, 200))).toEqual(['VPN concentrator restart']);
    expect(titles(await ok('op', 'GET', '/api/knowledge/search?q=password', undefined, 200))).toEqual(['Resetting your VPN password']);
    expect(titles(await ok('op', 'GET', '/api/knowledge/search?q=100%25', undefined, 200))).toEqual(['Disk at 100% on the mail server']);
    expect(titles(await ok('op', 'GET', '/api/knowledge/search?q=10_%25', undefined, 200))).toEqual([]);
    expect(titles(await ok('op', 'GET', `/api/knowledge/search?q=${encodeURIComponent('КЛИЕНТ')}`, undefined, 200))).toEqual(['Disk at 100% on the mail server']);
    // Markup is not text: a tag name finds nothing.
    expect(titles(await ok('op', 'GET', '/api/knowledge/search?q=script', undefined, 200))).toEqual([]);
    expect((await as('analyst', 'GET', '/api/knowledge/search?q=vpn')).status).toBe(403);
    expect(titles(await ok('admin', 'GET', '/api/knowledge/articles?published=false', undefined, 200))).toEqual(['VPN outage (draft)']);
  });

  it('shows customers only published customer articles, by words and by topic', async () => {
    const found = await ok('cust', 'GET', '/api/portal/knowledge?q=vpn', undefined, 200);
    expect(titles(found)).toEqual(['Resetting your VPN password']);
    expect(Object.keys(found.items[0]).sort()).toEqual(['body', 'id', 'kind', 'tags', 'title', 'topicIds', 'updatedAt']);
    expect(titles(await ok('cust', 'GET', `/api/portal/knowledge?topicId=${ids.topic}`, undefined, 200))).toEqual(['Resetting your VPN password']);
    expect((await ok('cust', 'GET', '/api/portal/knowledge', undefined, 200)).total).toBe(2);
    expect((await ok('cust', 'GET', `/api/portal/knowledge/${ids.reset}`, undefined, 200)).title).toBe('Resetting your VPN password');
    for (const hidden of [ids.internal, ids.draft]) expect((await as('cust', 'GET', `/api/portal/knowledge/${hidden}`)).status).toBe(404);
    expect((await as('cust', 'GET', '/api/knowledge/search?q=vpn')).status).toBe(403);
    expect((await as('op', 'GET', '/api/portal/knowledge?q=vpn')).status).toBe(403);
  });

  it('answers a query best answer first: a word of the title, then part of one, then a tag, then the body alone, the newest first among equals', async () => {
    const publish = async (title: string, body: string, tags: string[] = []) => (await ok('admin', 'POST', '/api/knowledge/articles', { title, body: `<p>${body}</p>`, tags, published: true, audience: 'customer' }, 201)).id;
    // Written oldest first: recency alone would list them backwards.
    const word = await publish('Printer jams', 'Open the tray');
    const part = await publish('Printers on the third floor', 'Ask the desk');
    const tag = await publish('Paper trays', 'Refill them', ['printer']);
    const body = await publish('Toner', 'The printer needs toner');
    const bodyNewer = await publish('Ink', 'Any printer');
    const ranked = await ok('cust', 'GET', '/api/portal/knowledge?q=printer', undefined, 200);
    expect(ranked.items.map((item: { id: number }) => item.id)).toEqual([word, part, tag, bodyNewer, body]);
    const second = await ok('cust', 'GET', '/api/portal/knowledge?q=printer&page=2&pageSize=2', undefined, 200);
    expect({ ids: second.items.map((item: { id: number }) => item.id), total: second.total }).toEqual({ ids: [tag, bodyNewer], total: 5 });
    // Without a query the newest come first.
    expect((await ok('op', 'GET', '/api/knowledge/search?pageSize=1', undefined, 200)).items[0].id).toBe(bodyNewer);
  });
});
