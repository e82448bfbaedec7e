import { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { eventually } from '../helpers/poll';
import { apiAs } from '../helpers/request-data';
import { SmtpSink } from '../helpers/smtp-sink';
import { addQueue, addStaff } from '../helpers/staff';

describe.each(testDatabases())('operator views, group-by, saved filters and vertical escalation on %s', (database) => {
  let t: TestApp;
  let smtp: SmtpSink;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};

  const { as, ok } = apiAs(() => t, tokens);
  const listIds = async (who: string, query: string) => ((await ok(who, 'GET', `/api/requests?${query}`, undefined, 200)).items as { id: number }[]).map((item) => item.id).sort((a, b) => a - b);
  const filters = (list: unknown[]) => `filters=${encodeURIComponent(JSON.stringify(list))}`;
  const register = async (subject: string, city: string, queue = 'FIRST') =>
    (await ok('olga', 'POST', '/api/contacts', { requests: [{ topicId: ids.TOPIC, type: 'information', impact: 3, urgency: 3, subject, attributes: { CITY: city }, queueId: ids[queue] }] }, 201)).requests[0];
  const requestCount = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM requests'))[0].n);

  beforeAll(async () => {
    smtp = await SmtpSink.onFreePort();
    await smtp.start();
    t = await startTestApp(database, { DOCKET_SMTP_URL: smtp.url, DOCKET_SWEEP_CRON: '* * * * * *', DOCKET_MAIL_DOMAIN: 'docket.test' });
    await addStaff(t, ok, tokens, ids, [['olga', 'operator'], ['pavel', 'operator'], ['boss', 'manager'], ['chief', 'manager']], (login) => ({ email: `${login}@example.com` }));
    ids.TOP = (await ok('admin', 'POST', '/api/workgroups', { code: 'TOP', name: 'Top', managerId: ids.chief }, 201)).id;
    ids.DESK = (await ok('admin', 'POST', '/api/workgroups', { code: 'DESK', name: 'Desk', managerId: ids.boss, parentId: ids.TOP }, 201)).id;
    await addQueue(ok, ids, 'FIRST', 'First', { members: ['olga', 'pavel'], workgroups: ['DESK'] });
    await addQueue(ok, ids, 'OTHER', 'Other', { members: ['olga'] });
    ids.GROUP = (await ok('admin', 'POST', '/api/topics', { code: 'IT', name: 'IT', kind: 'group' }, 201)).id;
    ids.TOPIC = (await ok('admin', 'POST', '/api/topics', { code: 'ASK', name: 'Ask', kind: 'topic', parentId: ids.GROUP }, 201)).id;
    ids.CITY = (await ok('admin', 'POST', '/api/attributes', { code: 'CITY', name: 'City', valueType: 'string', listColumn: true }, 201)).id;
    ids.SECRET = (await ok('admin', 'POST', '/api/attributes', { code: 'SECRET', name: 'Secret', valueType: 'string', hidden: true }, 201)).id;
    for (const attribute of ['CITY', 'SECRET']) await ok('admin', 'POST', `/api/topics/${ids.GROUP}/attributes`, { attributeId: ids[attribute] }, 201);

    ids.pskov = (await register('Pskov printer', 'Pskov')).id;
    ids.tver = (await register('Tver network', 'Tver')).id;
    ids.tver2 = (await register('Tver phone', 'Tver')).id;
    ids.other = (await register('Elsewhere', 'Omsk', 'OTHER')).id;
    const pskov = await ok('olga', 'GET', `/api/requests/${ids.pskov}`, undefined, 200);
    await ok('olga', 'POST', `/api/requests/${ids.pskov}/assign`, { assigneeId: ids.olga, expectedVersion: pskov.request.version }, 200);
    await t.dataSource.getRepository(CustomerRequest).update({ id: ids.tver }, { dueAt: new Date(Date.now() - 3_600_000) });
    await t.dataSource.getRepository(CustomerRequest).update({ id: ids.tver2 }, { dueAt: new Date(Date.now() + 86_400_000) });
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('lists mine, unassigned, overdue, watched and my queues', async () => {
    expect(await listIds('olga', 'view=mine')).toEqual([ids.pskov]);
    expect(await listIds('olga', `view=unassigned&queueId=${ids.FIRST}`)).toEqual([ids.tver, ids.tver2]);
    expect(await listIds('olga', 'view=overdue')).toEqual([ids.tver]);
    expect(await listIds('pavel', 'view=watched')).toEqual([]);
    expect(await ok('pavel', 'POST', `/api/requests/${ids.tver2}/watch`, undefined, 200)).toEqual({ requestId: ids.tver2, watching: true });
    await ok('pavel', 'POST', `/api/requests/${ids.tver2}/watch`, undefined, 200);
    expect(await listIds('pavel', 'view=watched')).toEqual([ids.tver2]);
    expect(await listIds('olga', 'view=watched')).toEqual([]);
    // A request outside one's queues cannot be watched, and answers as if absent.
    expect((await as('pavel', 'POST', `/api/requests/${ids.other}/watch`)).status).toBe(404);
    await ok('pavel', 'DELETE', `/api/requests/${ids.tver2}/watch`, undefined, 200);
    expect(await listIds('pavel', 'view=watched')).toEqual([]);
    // The manager reads every queue, but "my queues" are only those he belongs to: none.
    expect(await listIds('boss', '')).toEqual([ids.pskov, ids.tver, ids.tver2, ids.other]);
    expect(await listIds('boss', 'view=myQueues')).toEqual([]);
    expect(await listIds('pavel', 'view=myQueues')).toEqual([ids.pskov, ids.tver, ids.tver2]);
    expect((await as('olga', 'GET', '/api/requests?view=everything')).status).toBe(400);
  });

  it('counts requests grouped by status, assignee, priority and a list-column attribute, with the list filters', async () => {
    const byCity = await ok('olga', 'GET', `/api/requests/groups?by=attr.CITY&queueId=${ids.FIRST}`, undefined, 200);
    expect(byCity).toEqual({ by: 'attr.CITY', total: 3, groups: [{ key: 'Tver', count: 2 }, { key: 'Pskov', count: 1 }] });
    const byAssignee = await ok('olga', 'GET', '/api/requests/groups?by=assigneeId', undefined, 200);
    expect(byAssignee.groups).toEqual([{ key: null, count: 3 }, { key: ids.olga, count: 1 }]);
    const byPriority = await ok('olga', 'GET', `/api/requests/groups?by=priority&${filters([{ field: 'attr.CITY', op: 'eq', value: 'Tver' }])}`, undefined, 200);
    expect(byPriority).toEqual({ by: 'priority', total: 2, groups: [{ key: 5, count: 2 }] });
    expect((await ok('pavel', 'GET', '/api/requests/groups?by=status', undefined, 200)).total).toBe(3);
    const bad = await as('olga', 'GET', '/api/requests/groups?by=subject');
    expect([bad.status, bad.body.code, bad.body.details[0].path]).toEqual([400, 'invalid_group', 'by']);
  });

  it('refuses a filter, sort or grouping on an attribute hidden in every topic, except to readers of every queue', async () => {
    for (const [query, path] of [
      [filters([{ field: 'priority', op: 'eq', value: 5 }, { field: 'attr.SECRET', op: 'eq', value: 'x' }]), 'filters.1.field'],
      ['sort=attr.SECRET:desc', 'sort.0.field'],
    ]) {
      const refused = await as('olga', 'GET', `/api/requests?${query}`);
      expect([refused.status, refused.body.code, refused.body.details]).toEqual([400, 'hidden_attribute', [{ path, message: '"attr.SECRET" is not shown to you in any topic' }]]);
    }
    const grouped = await as('olga', 'GET', '/api/requests/groups?by=attr.SECRET');
    expect([grouped.status, grouped.body.details[0].path]).toEqual([400, 'by']);
    expect((await as('boss', 'GET', `/api/requests?${filters([{ field: 'attr.SECRET', op: 'isNull' }])}`)).status).toBe(200);
  });

  it('keeps SQL-looking input as data: values match nothing, names are refused, nothing changes', async () => {
    const before = await requestCount();
    expect(await listIds('olga', filters([{ field: 'attr.CITY', op: 'eq', value: "x' OR '1'='1" }]))).toEqual([]);
    expect(await listIds('olga', filters([{ field: 'subject', op: 'contains', value: "%' ; DROP TABLE requests; --" }]))).toEqual([]);
    const field = await as('olga', 'GET', `/api/requests?${filters([{ field: 'priority; DROP TABLE requests', op: 'eq', value: 1 }])}`);
    expect([field.status, field.body.details[0].path]).toEqual([400, 'filters.0.field']);
    const sort = await as('olga', 'GET', '/api/requests?sort=priority%20desc%3B%20DELETE%20FROM%20requests:asc');
    expect(sort.status).toBe(400);
    const group = await as('olga', 'GET', `/api/requests/groups?by=${encodeURIComponent('status) FROM requests; --')}`);
    expect(group.status).toBe(400);
    expect(await requestCount()).toBe(before);
  });

  it('saves filters per user, shares them on request, and validates the stored query like the list', async () => {
    const query = { queueId: ids.FIRST, view: 'unassigned', filters: [{ field: 'attr.CITY', op: 'eq', value: 'Tver' }], sort: 'priority:asc' };
    const saved = await ok('olga', 'POST', '/api/me/saved-filters', { name: 'Tver backlog', query }, 201);
    expect(saved).toMatchObject({ name: 'Tver backlog', query, shared: false, ownerId: ids.olga, mine: true });
    expect((await as('pavel', 'GET', `/api/me/saved-filters/${saved.id}`)).status).toBe(404);
    const duplicate = await as('olga', 'POST', '/api/me/saved-filters', { name: 'Tver backlog', query: {} });
    expect([duplicate.status, duplicate.body.code]).toEqual([409, 'duplicate']);

    const shared = await ok('olga', 'PUT', `/api/me/saved-filters/${saved.id}`, { name: 'Tver backlog', query, shared: true }, 200);
    expect(shared.shared).toBe(true);
    expect((await ok('pavel', 'GET', '/api/me/saved-filters', undefined, 200)).map((entry: { id: number; mine: boolean }) => [entry.id, entry.mine])).toEqual([[saved.id, false]]);
    expect((await as('pavel', 'PUT', `/api/me/saved-filters/${saved.id}`, { name: 'mine now', query: {} })).status).toBe(404);
    expect((await as('pavel', 'DELETE', `/api/me/saved-filters/${saved.id}`)).status).toBe(404);

    const rows = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM saved_filters'))[0].n);
    const count = await rows();
    for (const [body, path] of [
      [{ name: 'bad op', query: { filters: [{ field: 'priority', op: 'like', value: 1 }] } }, 'query.filters.0.op'],
      [{ name: 'bad field', query: { filters: [{ field: 'nope', op: 'eq', value: 1 }] } }, 'query.filters.0.field'],
      [{ name: 'bad value', query: { filters: [{ field: 'priority', op: 'eq', value: 'high' }] } }, 'query.filters.value'],
      [{ name: 'hidden', query: { filters: [{ field: 'attr.SECRET', op: 'notNull' }] } }, 'query.filters.0.field'],
      [{ name: 'bad view', query: { view: 'all-of-them' } }, 'query.view'],
      [{ name: 'unknown key', query: { colour: 'red' } }, 'query.colour'],
      [{ name: '', query: {} }, 'name'],
    ] as const) {
      const refused = await as('olga', 'POST', '/api/me/saved-filters', body);
      expect({ name: body.name, status: refused.status, paths: (refused.body.details as { path: string }[]).map((detail) => detail.path) }).toEqual({ name: body.name, status: 400, paths: expect.arrayContaining([path]) });
    }
    expect(await rows()).toBe(count);
    await ok('olga', 'DELETE', `/api/me/saved-filters/${saved.id}`, undefined, 204);
    expect(await rows()).toBe(count - 1);
    const journal = await t.dataSource.query("SELECT action FROM audit_entries WHERE entityType = 'savedFilter' AND entityId = ? ORDER BY id", [String(saved.id)]);
    expect(journal.map((row: { action: string }) => row.action)).toEqual(['create', 'update', 'delete']);
  });

  it('escalates up the management chain by mail, journals it and shows it on the card', async () => {
    const escalated = await ok('olga', 'POST', `/api/requests/${ids.tver}/escalate-up`, { reason: 'Customer waits for two days' }, 201);
    expect(escalated.recipients).toEqual([
      { userId: ids.boss, email: 'boss@example.com' },
      { userId: ids.chief, email: 'chief@example.com' },
    ]);
    const outbox = await t.dataSource.query('SELECT recipient, subject FROM outbox_messages WHERE eventKey = ? ORDER BY recipient', [`request:${ids.tver}:escalation:${escalated.id}`]);
    expect(outbox.map((row: { recipient: string }) => row.recipient)).toEqual(['boss@example.com', 'chief@example.com']);
    const mails = await eventually(async () => smtp.received.filter((mail) => mail.header('subject')?.startsWith('Escalated to you')), (found) => found.length >= 2);
    expect(mails.flatMap((mail) => mail.to).sort()).toEqual(['boss@example.com', 'chief@example.com']);
    const card = await ok('olga', 'GET', `/api/requests/${ids.tver}`, undefined, 200);
    expect(card.escalations).toEqual([expect.objectContaining({ reason: 'Customer waits for two days', actorLogin: 'olga' })]);
    expect(card.history.map((entry: { action: string }) => entry.action)).toContain('escalate.up');

    // The OTHER queue has no workgroup, and nobody is assigned: there is nobody to escalate to.
    const nobody = await as('olga', 'POST', `/api/requests/${ids.other}/escalate-up`, { reason: 'Anyone?' });
    expect([nobody.status, nobody.body.code]).toEqual([409, 'no_management_chain']);
    const empty = await as('olga', 'POST', `/api/requests/${ids.tver}/escalate-up`, { reason: '' });
    expect([empty.status, empty.body.details[0].path]).toEqual([400, 'reason']);
    expect((await as('pavel', 'POST', `/api/requests/${ids.other}/escalate-up`, { reason: 'Not mine' })).status).toBe(404);
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM request_escalations'))[0].n)).toBe(1);
  });
});
