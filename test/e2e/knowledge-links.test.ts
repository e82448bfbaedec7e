import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { apiAs } from '../helpers/request-data';
import { addQueue, addStaff } from '../helpers/staff';

/**
 * Knowledge articles by kind, meant for workgroups (a department's article reaches its teams, nobody else's),
 * and linked from requests and problems: each caller sees, links and unlinks only what they may read.
 */
describe.each(testDatabases())('knowledge kinds, workgroups and links on %s', (database) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const { as, ok } = apiAs(() => t, tokens);
  const ids: Record<string, number> = {};
  const titles = (items: { title: string }[]) => items.map((item) => item.title).sort();
  const article = async (key: string, body: Record<string, unknown>) => (ids[key] = (await ok('admin', 'POST', '/api/knowledge/articles', { body: `<p>${key}</p>`, published: true, audience: 'internal', ...body }, 201)).id);

  beforeAll(async () => {
    t = await startTestApp(database);
    // Olga works in the network team, under the network department; Sergey in billing; Maria manages knowledge.
    await addStaff(t, ok, tokens, ids, [['olga', 'operator'], ['sergey', 'specialist']]);
    await ok('admin', 'POST', '/api/roles', { code: 'librarian', name: 'Librarian', permissions: ['knowledge.manage'] }, 201);
    ids.maria = (await ok('admin', 'POST', '/api/users', { login: 'maria', name: 'maria', password: 'maria-password-1', roleCodes: ['manager', 'librarian'] }, 201)).id;
    tokens.maria = await t.loginAs('maria', 'maria-password-1');
    ids.NETWORK = (await ok('admin', 'POST', '/api/workgroups', { code: 'NETWORK', name: 'Network department' }, 201)).id;
    ids.NET_TEAM = (await ok('admin', 'POST', '/api/workgroups', { code: 'NET_TEAM', name: 'Network team', parentId: ids.NETWORK }, 201)).id;
    ids.BILLING = (await ok('admin', 'POST', '/api/workgroups', { code: 'BILLING', name: 'Billing' }, 201)).id;
    await ok('admin', 'PUT', `/api/workgroups/${ids.NET_TEAM}/members`, { userIds: [ids.olga] }, 200);
    await ok('admin', 'PUT', `/api/workgroups/${ids.BILLING}/members`, { userIds: [ids.sergey] }, 200);
    await addQueue(ok, ids, 'QA', 'Queue A', { members: ['olga', 'sergey'] });
    ids.topic = (await ok('admin', 'POST', '/api/topics', { code: 'LINE', name: 'Line', kind: 'topic' }, 201)).id;
    await article('everyone', { title: 'For all staff', kind: 'faq' });
    await article('network', { title: 'Router reset codes', kind: 'known_error', workgroupIds: [ids.NETWORK] });
    await article('billing', { title: 'Refund limits', workgroupIds: [ids.BILLING] });
    await article('draft', { title: 'Unfinished', published: false });
    ids.request = (await ok('olga', 'POST', '/api/contacts', { requests: [{ topicId: ids.topic, type: 'incident', impact: 3, urgency: 3, subject: 'No line', queueId: ids.QA }] }, 201)).requests[0].id;
    ids.problem = (await ok('olga', 'POST', '/api/problems', { subject: 'Exchange down' }, 201)).id;
  });
  afterAll(() => t?.close());

  it('stores each article with its kind and workgroups, and filters by kind', async () => {
    const stored = await ok('admin', 'GET', `/api/knowledge/articles/${ids.network}`, undefined, 200);
    expect(stored).toMatchObject({ kind: 'known_error', workgroupIds: [ids.NETWORK], audience: 'internal' });
    expect(titles((await ok('admin', 'GET', '/api/knowledge/articles?kind=faq', undefined, 200)).items)).toEqual(['For all staff']);
    // Knowledge managers pick the workgroups without managing users.
    expect((await ok('maria', 'GET', '/api/knowledge/workgroups', undefined, 200)).map((group: { code: string }) => group.code)).toEqual(['BILLING', 'NETWORK', 'NET_TEAM']);
    expect((await as('olga', 'GET', '/api/knowledge/workgroups')).status).toBe(403);
  });

  it('lets staff search only the articles meant for all or for their workgroups (and the groups above them)', async () => {
    expect(titles((await ok('olga', 'GET', '/api/knowledge/search?pageSize=50', undefined, 200)).items)).toEqual(['For all staff', 'Router reset codes']);
    expect(titles((await ok('sergey', 'GET', '/api/knowledge/search?pageSize=50', undefined, 200)).items)).toEqual(['For all staff', 'Refund limits']);
    expect(titles((await ok('maria', 'GET', '/api/knowledge/search?pageSize=50', undefined, 200)).items)).toEqual(['For all staff', 'Refund limits', 'Router reset codes']);
  });

  it('refuses workgroups on customer articles and unknown workgroups, storing nothing', async () => {
    const count = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM knowledge_articles'))[0].n);
    const before = await count();
    const customer = await as('admin', 'POST', '/api/knowledge/articles', { title: 'x', body: 'y', audience: 'customer', workgroupIds: [ids.NETWORK] });
    expect(customer.body).toMatchObject({ code: 'invalid_article', details: [{ path: 'workgroupIds', message: 'only internal articles are meant for workgroups' }] });
    const unknown = await as('admin', 'POST', '/api/knowledge/articles', { title: 'x', body: 'y', audience: 'internal', workgroupIds: [999999] });
    expect(unknown.body.details).toEqual([{ path: 'workgroupIds', message: 'unknown workgroup 999999' }]);
    expect((await as('admin', 'POST', '/api/knowledge/articles', { title: 'x', body: 'y', audience: 'internal', kind: 'blog' })).body.details.map((detail: { path: string }) => detail.path)).toEqual(['kind']);
    expect(await count()).toBe(before);
  });

  it('links articles from a request card, each caller seeing and changing only what they may read, journalled', async () => {
    const linked = await ok('olga', 'PUT', `/api/requests/${ids.request}/articles`, { articleIds: [ids.network, ids.everyone] }, 200);
    expect(titles(linked)).toEqual(['For all staff', 'Router reset codes']);
    expect(linked.find((item: { id: number }) => item.id === ids.network)).toMatchObject({ kind: 'known_error', body: '<p>network</p>' });
    // Sergey (billing) does not see the network article on the card, and setting his own list keeps it linked.
    expect(titles(await ok('sergey', 'GET', `/api/requests/${ids.request}/articles`, undefined, 200))).toEqual(['For all staff']);
    expect(titles(await ok('sergey', 'PUT', `/api/requests/${ids.request}/articles`, { articleIds: [ids.billing] }, 200))).toEqual(['Refund limits']);
    expect(titles(await ok('olga', 'GET', `/api/requests/${ids.request}/articles`, undefined, 200))).toEqual(['Router reset codes']);
    expect(titles(await ok('maria', 'GET', `/api/requests/${ids.request}/articles`, undefined, 200))).toEqual(['Refund limits', 'Router reset codes']);
    // Nobody links what they cannot read: another group's article, a draft, or one that does not exist.
    const refused = await as('olga', 'PUT', `/api/requests/${ids.request}/articles`, { articleIds: [ids.network, ids.billing, ids.draft, 999999] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'invalid_articles', details: [{ path: 'articleIds.1' }, { path: 'articleIds.2' }, { path: 'articleIds.3' }] });
    const journal = await t.dataSource.query("SELECT changes FROM audit_entries WHERE entityType = 'request' AND entityId = ? AND action = 'articles.set' ORDER BY id", [String(ids.request)]);
    expect(journal.map((row: { changes: string }) => JSON.parse(row.changes)[0])).toEqual([
      { field: 'articles', old: [], new: [ids.everyone, ids.network].sort((a, b) => a - b) },
      { field: 'articles', old: [ids.everyone, ids.network].sort((a, b) => a - b), new: [ids.network, ids.billing].sort((a, b) => a - b) },
    ]);
  });

  it('links articles from a problem card, for those who manage problems', async () => {
    expect(titles(await ok('olga', 'PUT', `/api/problems/${ids.problem}/articles`, { articleIds: [ids.network] }, 200))).toEqual(['Router reset codes']);
    expect(titles(await ok('maria', 'GET', `/api/problems/${ids.problem}/articles`, undefined, 200))).toEqual(['Router reset codes']);
    expect(await ok('sergey', 'GET', `/api/problems/${ids.problem}/articles`, undefined, 200)).toEqual([]);
    expect((await as('olga', 'GET', '/api/problems/999999/articles')).status).toBe(404);
    // Deleting an article takes its links with it.
    await ok('admin', 'DELETE', `/api/knowledge/articles/${ids.network}`, undefined, 204);
    expect(await ok('olga', 'GET', `/api/problems/${ids.problem}/articles`, undefined, 200)).toEqual([]);
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM request_articles WHERE articleId = ?', [ids.network]))[0].n)).toBe(0);
  });
});
