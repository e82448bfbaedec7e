import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { apiAs } from '../helpers/request-data';
import { addQueue, addStaff } from '../helpers/staff';

describe.each(testDatabases())('partner work orders on %s', (database) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};

  const { as, ok } = apiAs(() => t, tokens);
  const orderRows = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM work_orders'))[0].n);

  beforeAll(async () => {
    t = await startTestApp(database);
    // The fibre partner's user was given an operator role by mistake: binding to a partner still shuts requests out.
    await addStaff(t, ok, tokens, ids, [['olga', 'operator'], ['fibre', 'operator'], ['cable', 'partner']]);
    ids.FIBRE = (await ok('admin', 'POST', '/api/partners', { code: 'FIBRE', name: 'Fibre Works' }, 201)).id;
    ids.CABLE = (await ok('admin', 'POST', '/api/partners', { code: 'CABLE', name: 'Cable & Co' }, 201)).id;
    await ok('admin', 'PUT', `/api/users/${ids.fibre}/partner`, { partnerId: ids.FIBRE }, 200);
    await ok('admin', 'PUT', `/api/users/${ids.cable}/partner`, { partnerId: ids.CABLE }, 200);
    await addQueue(ok, ids, 'FIRST', 'First', { members: ['olga', 'fibre'] });
    ids.TOPIC = (await ok('admin', 'POST', '/api/topics', { code: 'LINE', name: 'Line', kind: 'topic' }, 201)).id;
    const created = await ok('olga', 'POST', '/api/contacts', { requests: [{ topicId: ids.TOPIC, type: 'work', impact: 2, urgency: 2, subject: 'Cable cut on Main St', queueId: ids.FIRST }] }, 201);
    ids.request = created.requests[0].id;
  });
  afterAll(() => t?.close());

  it('gives work orders to partners from a request, journalled, and refuses unknown partners', async () => {
    const fibre = await ok('olga', 'POST', `/api/requests/${ids.request}/work-orders`, { partnerId: ids.FIBRE, subject: 'Splice the cable', dueAt: '2030-01-01T12:00:00Z' }, 201);
    expect(fibre).toMatchObject({ requestId: ids.request, partnerId: ids.FIBRE, status: 'new', version: 1 });
    ids.fibreOrder = fibre.id;
    ids.cableOrder = (await ok('olga', 'POST', `/api/requests/${ids.request}/work-orders`, { partnerId: ids.CABLE, subject: 'Replace the duct' }, 201)).id;
    const rows = await orderRows();
    const unknown = await as('olga', 'POST', `/api/requests/${ids.request}/work-orders`, { partnerId: 99_999, subject: 'Nobody' });
    expect([unknown.status, unknown.body.details[0].path]).toEqual([400, 'partnerId']);
    const invalid = await as('olga', 'POST', `/api/requests/${ids.request}/work-orders`, { partnerId: ids.FIBRE, subject: '', status: 'done' });
    expect(invalid.status).toBe(400);
    expect(await orderRows()).toBe(rows);
    expect((await ok('olga', 'GET', `/api/requests/${ids.request}/work-orders`, undefined, 200)).map((order: { id: number }) => order.id)).toEqual([ids.fibreOrder, ids.cableOrder]);
    const journal = await t.dataSource.query("SELECT action FROM audit_entries WHERE entityType = 'workOrder' AND entityId = ?", [String(ids.fibreOrder)]);
    expect(journal).toEqual([{ action: 'create' }]);
  });

  it("shows a partner's user only their organisation's work orders and nothing of requests", async () => {
    const mine = await ok('fibre', 'GET', '/api/work-orders', undefined, 200);
    expect(mine.items.map((order: { id: number }) => order.id)).toEqual([ids.fibreOrder]);
    expect((await ok('cable', 'GET', '/api/work-orders', undefined, 200)).items.map((order: { id: number }) => order.id)).toEqual([ids.cableOrder]);
    expect((await as('fibre', 'GET', `/api/work-orders/${ids.cableOrder}`)).status).toBe(404);
    expect((await as('fibre', 'POST', `/api/work-orders/${ids.cableOrder}/status`, { status: 'accepted', expectedVersion: 1 })).status).toBe(404);
    // Even as a member of the request's queue with an operator role, nothing of requests is open to them.
    for (const [method, path] of [
      ['GET', '/api/requests'],
      ['GET', `/api/requests/${ids.request}`],
      ['GET', `/api/requests/${ids.request}/work-orders`],
      ['POST', `/api/requests/${ids.request}/work-orders`],
      ['GET', '/api/requests/counts'],
    ]) {
      expect({ path, status: (await as('fibre', method, path, method === 'POST' ? { partnerId: ids.FIBRE, subject: 'x' } : undefined)).status }).toEqual({ path, status: 403 });
    }
    expect((await ok('fibre', 'GET', '/api/auth/me', undefined, 200)).permissions).toEqual(['work-orders.read', 'work-orders.update']);
    // The operator sees both orders of the requests of her queue.
    expect((await ok('olga', 'GET', '/api/work-orders', undefined, 200)).total).toBe(2);
  });

  it('moves a work order along allowed transitions with a version check: a stale write gets 409 and changes nothing', async () => {
    const accepted = await ok('fibre', 'POST', `/api/work-orders/${ids.fibreOrder}/status`, { status: 'accepted', expectedVersion: 1 }, 200);
    expect(accepted).toMatchObject({ status: 'accepted', version: 2 });
    const stale = await as('olga', 'POST', `/api/work-orders/${ids.fibreOrder}/status`, { status: 'rejected', expectedVersion: 1 });
    expect([stale.status, stale.body.code, stale.body.current?.version]).toEqual([409, 'stale_version', 2]);
    const [first, second] = await Promise.all([as('fibre', 'POST', `/api/work-orders/${ids.fibreOrder}/status`, { status: 'in_progress', expectedVersion: 2 }), as('olga', 'POST', `/api/work-orders/${ids.fibreOrder}/status`, { status: 'done', expectedVersion: 2 })]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const skipped = await as('cable', 'POST', `/api/work-orders/${ids.cableOrder}/status`, { status: 'done', expectedVersion: 1 });
    expect([skipped.status, skipped.body.code, skipped.body.details[0].path]).toEqual([409, 'invalid_transition', 'status']);
    const stored = await t.dataSource.query('SELECT status, version FROM work_orders WHERE id = ?', [ids.cableOrder]);
    expect(stored.map((row: { status: string; version: number }) => [row.status, Number(row.version)])).toEqual([['new', 1]]);
    const changes = await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_entries WHERE entityType = 'workOrder' AND action = 'status' AND entityId = ?", [String(ids.fibreOrder)]);
    expect(Number(changes[0].n)).toBe(2);
  });
});
