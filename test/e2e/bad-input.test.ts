import { sanitizeRichText } from '../../server/src/requests/domain/rich-text';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { apiAs, publishRoute, triageRoute } from '../helpers/request-data';

/**
 * Hostile input on the request API, beyond what requests.test.ts already covers (subject and comment
 * markup, concurrent transitions, Idempotency-Key): markup in every free-text field as it comes back on
 * the card and in the list, SQL-looking list filters, and filters on attributes that do not exist.
 */
const SCRIPT = '<script>alert(1)</script>';
const IMAGE = '<img src=x onerror=alert(2)>';
const HOSTILE = `${IMAGE}Broken <b>screen</b>${SCRIPT}`;
const RICH = `<p onclick="steal()">Smoke ${IMAGE}<a href="javascript:alert(3)">here</a></p>${SCRIPT}<iframe src="https://evil.example"></iframe>`;

/** No markup that runs: what a console placing the JSON into a page could be tricked by. */
const expectInert = (json: unknown) => {
  const text = JSON.stringify(json);
  expect(text).not.toMatch(/<script/i);
  expect(text).not.toMatch(/onerror=|onclick=|javascript:|<iframe/i);
};

describe.each(testDatabases())('bad input on %s', (database) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const { as, ok } = apiAs(() => t, tokens);
  const requestRows = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM requests'))[0].n);
  const list = (filters: unknown, extra = '') => as('olga', 'GET', `/api/requests?queueId=${ids.FIRST}&state=all${extra}&filters=${encodeURIComponent(JSON.stringify(filters))}`);

  beforeAll(async () => {
    t = await startTestApp(database);
    tokens.admin = await t.loginAs('admin', t.adminPassword);
    ids.olga = (await ok('admin', 'POST', '/api/users', { login: 'olga', name: 'olga', password: 'olga-password-1', roleCodes: ['operator'] }, 201)).id;
    tokens.olga = await t.loginAs('olga', 'olga-password-1');
    ids.FIRST = (await ok('admin', 'POST', '/api/queues', { code: 'FIRST', name: 'First line' }, 201)).id;
    await ok('admin', 'PUT', `/api/queues/${ids.FIRST}/people`, { memberIds: [ids.olga], workgroupIds: [], administratorIds: [] }, 200);
    ids.topic = (await ok('admin', 'POST', '/api/topics', { code: 'GENERAL', name: 'General', kind: 'topic' }, 201)).id;
    ids.NOTE = (await ok('admin', 'POST', '/api/attributes', { code: 'NOTE', name: 'Note', valueType: 'string' }, 201)).id;
    await ok('admin', 'POST', `/api/topics/${ids.topic}/attributes`, { attributeId: ids.NOTE }, 201);
    ids.P1 = (await ok('admin', 'POST', '/api/partners', { code: 'P1', name: 'Partner' }, 201)).id;
    // A harmless neighbour: a filter that leaks rows would bring it back.
    const plain = await ok('olga', 'POST', '/api/contacts', { requests: [{ topicId: ids.topic, type: 'incident', impact: 3, urgency: 3, subject: 'Plain', attributes: { NOTE: 'plain' }, queueId: ids.FIRST }] }, 201);
    ids.plain = plain.requests[0].id;
    // A customer of one company, and a topic the portal offers (it needs a published route).
    ids.client = (await ok('admin', 'POST', '/api/clients', { kind: 'company', name: 'Acme' }, 201)).id;
    ids.anna = (await ok('admin', 'POST', '/api/users', { login: 'anna', name: 'Anna', password: 'anna-password-1', roleCodes: ['customer'] }, 201)).id;
    await ok('admin', 'PUT', `/api/users/${ids.anna}/customer`, { clientId: ids.client }, 200);
    tokens.anna = await t.loginAs('anna', 'anna-password-1');
    ids.portalTopic = (await ok('admin', 'POST', '/api/topics', { code: 'PORTAL', name: 'Portal', kind: 'topic' }, 201)).id;
    await publishRoute(ok, 'PORTAL', [ids.portalTopic], triageRoute('PORTAL', 'Portal', 'FIRST'));
  });
  afterAll(() => t?.close());

  it('neutralises markup in the subject, description, attribute values, discussions, comments and work orders, on the card and in the list', async () => {
    const created = await ok('olga', 'POST', '/api/contacts', { requests: [{ topicId: ids.topic, type: 'incident', impact: 3, urgency: 3, subject: HOSTILE, description: RICH, attributes: { NOTE: HOSTILE }, queueId: ids.FIRST }] }, 201);
    const { id, version } = created.requests[0];
    expectInert(created);
    const updated = await ok('olga', 'POST', `/api/requests/${id}/attributes`, { values: { NOTE: `${SCRIPT}${IMAGE}changed` }, expectedVersion: version }, 200);
    expectInert(updated);
    const discussion = await ok('olga', 'POST', `/api/requests/${id}/discussions`, { title: HOSTILE, visibility: 'internal' }, 201);
    const comment = await ok('olga', 'POST', `/api/requests/${id}/discussions/${discussion.id}/comments`, { body: RICH }, 201);
    const order = await ok('olga', 'POST', `/api/requests/${id}/work-orders`, { partnerId: ids.P1, subject: HOSTILE, description: RICH }, 201);
    expectInert([discussion, comment, order]);
    expect(order).toMatchObject({ subject: 'Broken screen', description: sanitizeRichText(RICH) });
    const onlyMarkup = await as('olga', 'POST', `/api/requests/${id}/work-orders`, { partnerId: ids.P1, subject: SCRIPT });
    expect(onlyMarkup).toMatchObject({ status: 400, body: { details: [{ path: 'subject' }] } });

    const card = await ok('olga', 'GET', `/api/requests/${id}`, undefined, 200);
    // Attribute values are data, kept as typed (a filter must find "a<b" again) and always shown as text:
    // the console puts them in text nodes and mail escapes them. Everything else on the card is inert.
    expectInert({ ...card, attributes: [], history: card.history.map((entry: { action: string }) => entry.action) });
    expect(card.attributes.find((attribute: { code: string }) => attribute.code === 'NOTE').value).toBe(`${SCRIPT}${IMAGE}changed`);
    // Subjects are plain text; descriptions and comments keep their safe formatting, sanitised.
    expect(card.request.subject).toBe('Broken screen');
    expect(card.request.description).toBe(sanitizeRichText(RICH));
    expect(card.request.description).toContain('<p>Smoke <a');
    expect(card.discussions[0].comments[0].body).toBe(sanitizeRichText(RICH));

    const page = await ok('olga', 'GET', `/api/requests?queueId=${ids.FIRST}&state=all`, undefined, 200);
    expect(page.items.map((item: { id: number }) => item.id)).toContain(id);
    expectInert(page.items.map(({ columns: _columns, ...item }: { columns: unknown }) => item));
    expectInert(await ok('olga', 'GET', `/api/requests/${id}/work-orders`, undefined, 200));
    expectInert(await ok('olga', 'GET', `/api/work-orders/${order.id}`, undefined, 200));
  });

  it('neutralises markup a customer sends through the portal, on the portal card and on the staff card', async () => {
    const submitted = await ok('anna', 'POST', '/api/portal/requests', { topicId: ids.portalTopic, subject: HOSTILE, description: RICH }, 201);
    expectInert(submitted);
    const comment = await ok('anna', 'POST', `/api/portal/requests/${submitted.id}/comments`, { body: RICH }, 201);
    expectInert(comment);
    const portalCard = await ok('anna', 'GET', `/api/portal/requests/${submitted.id}`, undefined, 200);
    expectInert(portalCard);
    expect(portalCard).toMatchObject({ subject: 'Broken screen', description: sanitizeRichText(RICH) });
    expectInert(await ok('anna', 'GET', '/api/portal/requests', undefined, 200));
    const staffCard = await ok('olga', 'GET', `/api/requests/${submitted.id}`, undefined, 200);
    expectInert({ ...staffCard, history: [] });
    expect(staffCard.discussions.flatMap((discussion: { comments: { body: string }[] }) => discussion.comments.map((entry) => entry.body))).toEqual([sanitizeRichText(RICH)]);
  });

  it.each([
    ['a quoted OR in a string filter', { field: 'attr.NOTE', op: 'eq', value: "x' OR '1'='1" }, 'plain'],
    ['a statement after a semicolon', { field: 'attr.NOTE', op: 'eq', value: "plain'; DROP TABLE requests; --" }, 'plain'],
    ['a comment in a list value', { field: 'attr.NOTE', op: 'in', value: ["nothing') OR 1=1 --", 'x'] }, ['plain']],
    ['a quoted OR in a request field', { field: 'subject', op: 'eq', value: "' OR ''='" }, 'Plain'],
    ['a UNION in a contains filter', { field: 'attr.NOTE', op: 'contains', value: "%' UNION SELECT id FROM users --" }, 'lai'],
  ])('answers %s without an error and without extra rows', async (_case, filter, honest) => {
    const rows = await requestRows();
    // Valid filters with odd values: they run, as bound parameters, and match nothing.
    const response = await list([filter]);
    expect({ status: response.status, items: response.body.items }).toEqual({ status: 200, items: [] });
    expect(await requestRows()).toBe(rows);
    // The same operator with an honest value does find the neighbour: the filters above did run.
    expect((await list([{ ...filter, value: honest }])).body.items.map((item: { id: number }) => item.id)).toContain(ids.plain);
  });

  it('answers a hostile sort with 400 and its path, never 500', async () => {
    const response = await as('olga', 'GET', `/api/requests?queueId=${ids.FIRST}&sort=${encodeURIComponent('priority; DROP TABLE requests')}`);
    expect(response.status).toBe(400);
    expect(response.body.details.map((detail: { path: string }) => detail.path)).toEqual([expect.stringMatching(/^sort/)]);
  });

  it('refuses a filter on an attribute that does not exist with 400 and its path', async () => {
    const response = await list([{ field: 'attr.NOTE', op: 'eq', value: 'plain' }, { field: 'attr.NO_SUCH', op: 'eq', value: 'x' }]);
    expect(response.status).toBe(400);
    // The same answer as for a hidden attribute, so a filter cannot probe which attributes exist.
    expect(response.body.details).toEqual([{ path: 'filters.1.field', message: expect.stringContaining('NO_SUCH') }]);
    // The same filter without the unknown attribute finds the neighbour: the 400 is about the attribute.
    expect((await list([{ field: 'attr.NOTE', op: 'eq', value: 'plain' }])).body.items.map((item: { id: number }) => item.id)).toEqual([ids.plain]);
  });
});
