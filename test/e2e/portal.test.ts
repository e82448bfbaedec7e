import { RequestRating } from '../../server/src/requests/closure/request-rating.entity';
import { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { startTestApp, TestApp } from '../helpers/app';
import { setUpHelpdesk, type Helpdesk } from '../helpers/closure-setup';
import { testDatabases } from '../helpers/databases';

describe.each(testDatabases())('customer portal on %s', (database) => {
  let t: TestApp;
  let h: Helpdesk;
  let otherRequest: number;

  const requestsOf = async (clientId: number) => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM requests WHERE clientId = ?', [clientId]))[0].n);

  /** The operators take a request to `resolved`: it then waits for its customer. */
  async function resolve(id: number): Promise<void> {
    await h.ok('disp', 'POST', `/api/requests/${id}/transitions`, { transitionId: 'assign', expectedVersion: await h.version(id) }, 200);
    await h.ok('eng', 'POST', `/api/requests/${id}/accept`, { expectedVersion: await h.version(id) }, 200);
    await h.ok('eng', 'POST', `/api/requests/${id}/transitions`, { transitionId: 'solve', expectedVersion: await h.version(id) }, 200);
  }

  beforeAll(async () => {
    t = await startTestApp(database);
    h = await setUpHelpdesk(t);
    for (const code of ['PHONE', 'WEB']) h.ids[code] = (await h.ok('admin', 'POST', '/api/channels', { code, name: code.toLowerCase() }, 201)).id;
    // HELP_DISPATCH's form: a required serial number with a pattern, a drop-down from a dictionary, an attribute customers never see.
    h.ids.SERIAL = (await h.ok('admin', 'POST', '/api/attributes', { code: 'SERIAL', name: 'Serial number', valueType: 'string', regex: '^SN-[0-9]{4}$' }, 201)).id;
    await h.ok('admin', 'POST', `/api/topics/${h.ids.HELP_DISPATCH}/attributes`, { attributeId: h.ids.SERIAL, required: true }, 201);
    const dictionary = (await h.ok('admin', 'POST', '/api/dictionaries', { code: 'DEVICES', name: 'Devices' }, 201)).id;
    for (const code of ['ROUTER', 'PHONE']) await h.ok('admin', 'POST', `/api/dictionaries/${dictionary}/items`, { code, name: `Device ${code}` }, 201);
    h.ids.DEVICE = (await h.ok('admin', 'POST', '/api/attributes', { code: 'DEVICE', name: 'Device', valueType: 'dictionary', dictionaryCode: 'DEVICES' }, 201)).id;
    await h.ok('admin', 'POST', `/api/topics/${h.ids.HELP_DISPATCH}/attributes`, { attributeId: h.ids.DEVICE }, 201);
    h.ids.SECRET = (await h.ok('admin', 'POST', '/api/attributes', { code: 'SECRET_NOTE', name: 'Internal note', valueType: 'string' }, 201)).id;
    await h.ok('admin', 'POST', `/api/topics/${h.ids.HELP_DISPATCH}/attributes`, { attributeId: h.ids.SECRET, hidden: true }, 201);

    h.ids.otherClient = (await h.ok('admin', 'POST', '/api/clients', { name: 'Tver Water', kind: 'company' }, 201)).id;
    otherRequest = (await h.ok('disp', 'POST', '/api/contacts', { clientId: h.ids.otherClient, requests: [{ topicId: h.ids.HELP, type: 'incident', impact: 2, urgency: 2, subject: 'Another company’s leak' }] }, 201)).requests[0].id;

    for (const login of ['anna', 'unbound']) {
      h.ids[login] = (await h.ok('admin', 'POST', '/api/users', { login, name: login === 'anna' ? 'Anna Customer' : 'Nobody', password: `${login}-password-1`, roleCodes: ['customer'] }, 201)).id;
    }
    // Even a role that grants operator work gives a customer nothing beyond the portal.
    await h.ok('admin', 'PATCH', `/api/users/${h.ids.anna}`, { roleCodes: ['customer', 'operator'] }, 200);
    expect(await h.ok('admin', 'PUT', `/api/users/${h.ids.anna}/customer`, { clientId: h.ids.client, contactPersonId: h.ids.person }, 200)).toEqual({ userId: h.ids.anna, clientId: h.ids.client, contactPersonId: h.ids.person });
    for (const login of ['anna', 'unbound']) h.tokens[login] = await t.loginAs(login, `${login}-password-1`);
  });
  afterAll(() => t?.close());

  it('binds customers only to real clients and their own contact persons, and journals it', async () => {
    const unknown = await h.as('admin', 'PUT', `/api/users/${h.ids.unbound}/customer`, { clientId: 999999 });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'invalid_customer', details: [{ path: 'clientId', message: expect.any(String) }] });
    const foreign = await h.as('admin', 'PUT', `/api/users/${h.ids.unbound}/customer`, { clientId: h.ids.otherClient, contactPersonId: h.ids.person });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details).toEqual([{ path: 'contactPersonId', message: expect.any(String) }]);
    expect((await h.as('admin', 'PUT', `/api/users/${h.ids.unbound}/customer`, { clientId: 'x' })).status).toBe(400);
    expect((await h.as('disp', 'PUT', `/api/users/${h.ids.unbound}/customer`, { clientId: h.ids.client })).status).toBe(403);
    expect((await t.dataSource.query('SELECT clientId FROM users WHERE id = ?', [h.ids.unbound]))[0].clientId).toBeNull();
    const journal = await t.dataSource.query("SELECT changes FROM audit_entries WHERE entityType = 'user' AND entityId = ? AND action = 'customer'", [String(h.ids.anna)]);
    expect(journal).toHaveLength(1);
  });

  it('gives a customer the portal and nothing else: every operator endpoint answers 403', async () => {
    expect((await h.ok('anna', 'GET', '/api/auth/me', undefined, 200)).permissions).toEqual(['portal.use']);
    for (const [method, path] of [['GET', '/api/requests'], ['GET', `/api/requests/${otherRequest}`], ['POST', '/api/contacts'], ['GET', '/api/topic-catalog'], ['GET', '/api/clients'], ['GET', '/api/knowledge/search'], ['POST', `/api/requests/${otherRequest}/confirm`], ['GET', '/api/users']]) {
      expect({ method, path, status: (await h.as('anna', method, path, method === 'POST' ? {} : undefined)).status }).toEqual({ method, path, status: 403 });
    }
    // A user with the customer role but bound to no client has no company to see.
    const unbound = await h.as('unbound', 'GET', '/api/portal/requests');
    expect(unbound.status).toBe(409);
    expect(unbound.body.code).toBe('not_a_customer');
    // Staff have no portal.
    expect((await h.as('disp', 'GET', '/api/portal/requests')).status).toBe(403);
  });

  it('offers topics with a route and their forms at the first step, hidden attributes left out', async () => {
    const topics = await h.ok('anna', 'GET', '/api/portal/topics', undefined, 200);
    expect(topics.map((topic: { code: string }) => topic.code).sort()).toEqual(['HELP', 'HELP_DISPATCH']);
    expect(topics.find((topic: { code: string }) => topic.code === 'HELP_DISPATCH').path).toEqual(['Support']);
    const form = await h.ok('anna', 'GET', `/api/portal/topics/${h.ids.HELP_DISPATCH}/form`, undefined, 200);
    expect(form.step).toEqual({ id: 'Dispatch', name: 'Dispatch' });
    expect(Object.keys(form.schema.properties).sort()).toEqual(['CATEGORY', 'DEVICE', 'SERIAL']);
    expect(form.schema.required).toEqual(['SERIAL']);
    expect(form.schema.properties.DEVICE).toMatchObject({ enum: ['ROUTER', 'PHONE'], 'x-docket-options': [{ value: 'ROUTER', label: 'Device ROUTER' }, { value: 'PHONE', label: 'Device PHONE' }] });
    expect(JSON.stringify(form)).not.toContain('SECRET_NOTE');
    expect((await h.as('anna', 'GET', `/api/portal/topics/${h.ids.PLAIN}/form`)).status).toBe(404);
  });

  it('submits a request: attribute errors named by field and nothing written, then once for a repeated Idempotency-Key', async () => {
    const before = await requestsOf(h.ids.client);
    const bad = await h.as('anna', 'POST', '/api/portal/requests', { topicId: h.ids.HELP_DISPATCH, subject: 'Router is dead', attributes: { SERIAL: 'nope' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'invalid_attributes', details: [{ path: 'attributes.SERIAL', message: expect.any(String) }] });
    const missing = await h.as('anna', 'POST', '/api/portal/requests', { topicId: h.ids.HELP_DISPATCH, subject: 'Router is dead' });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((detail: { path: string }) => detail.path)).toEqual(['attributes.SERIAL']);
    expect((await h.as('anna', 'POST', '/api/portal/requests', { topicId: h.ids.PLAIN, subject: 'x' })).body.details).toEqual([{ path: 'topicId', message: 'not offered in the portal' }]);
    expect((await h.as('anna', 'POST', '/api/portal/requests', { topicId: h.ids.HELP_DISPATCH })).status).toBe(400);
    expect(await requestsOf(h.ids.client)).toBe(before);

    const body = { topicId: h.ids.HELP_DISPATCH, subject: 'Router is <b>dead</b>', description: '<p>Since <script>alert(1)</script>morning</p>', attributes: { SERIAL: 'SN-1234', DEVICE: 'ROUTER' } };
    const first = await t.call('POST', '/api/portal/requests', { token: h.tokens.anna, body, headers: { 'Idempotency-Key': 'portal-1' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ subject: 'Router is dead', description: '<p>Since morning</p>', status: 'in_progress', isOpen: true, topic: { id: h.ids.HELP_DISPATCH, name: 'HELP_DISPATCH' }, awaitingConfirmation: false, comments: [] });
    const again = await t.call('POST', '/api/portal/requests', { token: h.tokens.anna, body, headers: { 'Idempotency-Key': 'portal-1' } });
    expect(again.body.id).toBe(first.body.id);
    expect(await requestsOf(h.ids.client)).toBe(before + 1);
    const stored = await t.dataSource.getRepository(CustomerRequest).findOneByOrFail({ id: first.body.id });
    expect(stored).toMatchObject({ clientId: h.ids.client, contactPersonId: h.ids.person, createdById: h.ids.anna, queueId: h.ids.FIRST });
    const [contact] = await t.dataSource.query('SELECT channelId FROM contacts WHERE id = ?', [stored.contactId]);
    expect(Number(contact.channelId)).toBe(h.ids.WEB);
    // The operator sees it in the queue like any other.
    await h.ok('disp', 'GET', `/api/requests/${first.body.id}`, undefined, 200);
  });

  it("shows the customer only their company's requests; another company's is 404 everywhere", async () => {
    const [own] = await h.register('HELP');
    const list = await h.ok('anna', 'GET', '/api/portal/requests?pageSize=200', undefined, 200);
    const ids = list.items.map((item: { id: number }) => item.id);
    expect(ids).toContain(own);
    expect(ids).not.toContain(otherRequest);
    expect(list.total).toBe(await requestsOf(h.ids.client));
    const open = await h.ok('anna', 'GET', '/api/portal/requests?open=false', undefined, 200);
    expect(open.items).toEqual([]);
    expect((await h.ok('anna', 'GET', '/api/portal/requests?status=in_progress', undefined, 200)).total).toBe(list.total);
    for (const [method, path, body] of [
      ['GET', `/api/portal/requests/${otherRequest}`, undefined],
      ['POST', `/api/portal/requests/${otherRequest}/comments`, { body: 'hello' }],
      ['POST', `/api/portal/requests/${otherRequest}/confirm`, { expectedVersion: 1, rating: 5 }],
      ['POST', `/api/portal/requests/${otherRequest}/reject`, { expectedVersion: 1, reason: 'no' }],
      ['GET', '/api/portal/requests/999999', undefined],
    ] as const) {
      const response = await h.as('anna', method, path, body);
      expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 404, code: 'not_found' });
    }
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM request_comments WHERE requestId = ?', [otherRequest]))[0].n)).toBe(0);
  });

  it('takes comments into the customer discussion with HTML neutralised, and shows no internal ones', async () => {
    const [id] = await h.register('HELP');
    const internal = await h.ok('disp', 'POST', `/api/requests/${id}/discussions`, { title: 'Staff only', visibility: 'internal' }, 201);
    await h.ok('disp', 'POST', `/api/requests/${id}/discussions/${internal.id}/comments`, { body: 'the customer must not read this' }, 201);
    const empty = await h.as('anna', 'POST', `/api/portal/requests/${id}/comments`, { body: '<script>alert(1)</script>' });
    expect(empty.status).toBe(400);
    expect(empty.body.details).toEqual([{ path: 'body', message: expect.any(String) }]);
    const comment = await h.ok('anna', 'POST', `/api/portal/requests/${id}/comments`, { body: '<p onclick="x()">Still <b>broken</b><img src=x onerror=alert(1)></p>' }, 201);
    expect(comment).toMatchObject({ body: '<p>Still <b>broken</b></p>', mine: true, authorName: 'Anna Customer' });
    const [discussion] = await t.dataSource.query("SELECT id FROM request_discussions WHERE requestId = ? AND visibility = 'customer'", [id]);
    await h.ok('disp', 'POST', `/api/requests/${id}/discussions/${discussion.id}/comments`, { body: 'We are on it' }, 201);
    const detail = await h.ok('anna', 'GET', `/api/portal/requests/${id}`, undefined, 200);
    expect(detail.comments.map((c: { body: string; mine: boolean }) => [c.body, c.mine])).toEqual([['<p>Still <b>broken</b></p>', true], ['We are on it', false]]);
    expect(JSON.stringify(detail)).not.toContain('must not read');
  });

  it('confirms a resolved request with a rating, or rejects a solution with a reason, through the closure service', async () => {
    const [id] = await h.register('HELP');
    const early = await h.as('anna', 'POST', `/api/portal/requests/${id}/reject`, { expectedVersion: await h.version(id), reason: 'not yet' });
    expect(early.status).toBe(409);
    await resolve(id);
    const resolved = await h.ok('anna', 'GET', `/api/portal/requests/${id}`, undefined, 200);
    expect(resolved).toMatchObject({ status: 'resolved', awaitingConfirmation: true, rating: null });
    const bad = await h.as('anna', 'POST', `/api/portal/requests/${id}/confirm`, { expectedVersion: resolved.version, rating: 6 });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((detail: { path: string }) => detail.path)).toContain('rating');
    const confirmed = await h.ok('anna', 'POST', `/api/portal/requests/${id}/confirm`, { expectedVersion: resolved.version, rating: 4, comment: 'Fine now' }, 200);
    expect(confirmed).toMatchObject({ status: 'closed', isOpen: false, awaitingConfirmation: false, rating: { rating: 4, comment: 'Fine now', byTimeout: false } });
    expect(await t.dataSource.getRepository(RequestRating).findBy({ requestId: id })).toEqual([expect.objectContaining({ rating: 4, actorId: h.ids.anna })]);

    const [second] = await h.register('HELP');
    await resolve(second);
    const rejected = await h.ok('anna', 'POST', `/api/portal/requests/${second}/reject`, { expectedVersion: await h.version(second), reason: 'Still no dial tone' }, 200);
    expect(rejected).toMatchObject({ isOpen: true, awaitingConfirmation: false });
    expect(rejected.status).not.toBe('resolved');
    const line = await t.dataSource.query("SELECT actorLogin FROM audit_entries WHERE entityType = 'request' AND entityId = ? AND action = 'rejectSolution'", [String(second)]);
    expect(line).toEqual([{ actorLogin: 'anna' }]);
  });
});
