import { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { RequestValue } from '../../server/src/requests/entities/request-value.entity';
import { ScheduledJob } from '../../server/src/scheduler/entities/scheduled-job.entity';
import { scheduleJob } from '../../server/src/scheduler/job-runner';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { eventually } from '../helpers/poll';
import { apiAs } from '../helpers/request-data';
import { addQueue, addStaff } from '../helpers/staff';

const DAY = 86_400_000;

describe.each(testDatabases())('the request archive on %s', (database) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};

  const { as, ok } = apiAs(() => t, tokens);
  const listIds = async (who: string, query: string) => ((await ok(who, 'GET', `/api/requests?${query}`, undefined, 200)).items as { id: number }[]).map((item) => item.id).sort((a, b) => a - b);
  const archivedAt = async (id: number) => (await t.dataSource.getRepository(CustomerRequest).findOneByOrFail({ id })).archivedAt;
  const valueRows = async (table: string, id: number) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE requestId = ?`, [id]))[0].n);
  /** What the daily timer does, due now: the real scheduler of the running server picks it up. */
  const runSweep = async (key: string) => {
    await t.dataSource.transaction((manager) => scheduleJob(manager, { kind: 'requests.archive', dueAt: new Date(), dedupeKey: key }, new Date()));
    return eventually(() => t.dataSource.getRepository(ScheduledJob).findOneByOrFail({ dedupeKey: key }), (job) => job.state !== 'pending' && job.state !== 'running');
  };
  const close = async (id: number, daysAgo: number) => {
    await t.dataSource.getRepository(CustomerRequest).update({ id }, { isOpen: false, status: 'closed', closedAt: new Date(Date.now() - daysAgo * DAY) });
    await t.dataSource.getRepository(RequestValue).update({ requestId: id }, { isOpen: false });
  };

  beforeAll(async () => {
    t = await startTestApp(database, { DOCKET_ARCHIVE_AFTER_DAYS: '30', DOCKET_SWEEP_CRON: '* * * * * *' });
    await addStaff(t, ok, tokens, ids, [['olga', 'operator'], ['boss', 'manager']]);
    await addQueue(ok, ids, 'FIRST', 'First', { members: ['olga'] });
    ids.TOPIC = (await ok('admin', 'POST', '/api/topics', { code: 'ASK', name: 'Ask', kind: 'topic' }, 201)).id;
    ids.CITY = (await ok('admin', 'POST', '/api/attributes', { code: 'CITY', name: 'City', valueType: 'string' }, 201)).id;
    await ok('admin', 'POST', `/api/topics/${ids.TOPIC}/attributes`, { attributeId: ids.CITY }, 201);
    for (const [name, city] of [['old', 'Pskov'], ['older', 'Tver'], ['young', 'Pskov'], ['open', 'Pskov']]) {
      ids[name] = (await ok('olga', 'POST', '/api/contacts', { requests: [{ topicId: ids.TOPIC, type: 'information', impact: 3, urgency: 3, subject: name, attributes: { CITY: city }, queueId: ids.FIRST }] }, 201)).requests[0].id;
    }
    await close(ids.old, 40);
    await close(ids.older, 400);
    await close(ids.young, 5);
  });
  afterAll(() => t?.close());

  it('moves closed requests past the configured age to the archive, with their values, journalled', async () => {
    const job = await runSweep('test-sweep-1');
    expect(job.state).toBe('done');
    for (const name of ['old', 'older']) {
      expect(await archivedAt(ids[name])).not.toBeNull();
      expect([await valueRows('request_values', ids[name]), await valueRows('request_values_archive', ids[name])]).toEqual([0, 1]);
    }
    for (const name of ['young', 'open']) expect(await archivedAt(ids[name])).toBeNull();
    expect(await valueRows('request_values', ids.young)).toBe(1);
    const journal = await t.dataSource.query("SELECT actorLogin FROM audit_entries WHERE entityType = 'request' AND action = 'archive' AND entityId = ?", [String(ids.old)]);
    expect(journal).toEqual([{ actorLogin: 'system' }]);
    // The sweep scheduled tomorrow's run.
    const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
    expect(await t.dataSource.getRepository(ScheduledJob).countBy({ dedupeKey: `requests.archive:daily:${tomorrow}` })).toBe(1);
  });

  it('keeps archived requests readable and searchable, read-only, apart from the live lists', async () => {
    expect(await listIds('olga', 'state=all')).toEqual([ids.young, ids.open]);
    expect(await listIds('olga', 'archived=true')).toEqual([ids.old, ids.older]);
    const pskov = encodeURIComponent(JSON.stringify([{ field: 'attr.CITY', op: 'eq', value: 'Pskov' }]));
    expect(await listIds('olga', `archived=true&filters=${pskov}`)).toEqual([ids.old]);
    expect(await listIds('olga', `archived=true&sort=attr.CITY:desc`)).toEqual([ids.old, ids.older]);
    expect(await listIds('olga', `state=all&filters=${pskov}`)).toEqual([ids.young, ids.open]);
    const card = await ok('olga', 'GET', `/api/requests/${ids.old}`, undefined, 200);
    expect(card).toMatchObject({ canWork: false, request: { id: ids.old, status: 'closed' }, transitions: [] });
    expect(card.request.archivedAt).not.toBeNull();
    expect(card.attributes).toEqual([expect.objectContaining({ code: 'CITY', value: 'Pskov' })]);
    const write = await as('olga', 'POST', `/api/requests/${ids.old}/assign`, { assigneeId: ids.olga, expectedVersion: card.request.version });
    expect([write.status, write.body.code]).toEqual([409, 'archived']);
    expect((await t.dataSource.getRepository(CustomerRequest).findOneByOrFail({ id: ids.old })).version).toBe(card.request.version);
  });

  it('restores an archived request for holders of requests.archive, and the next sweep leaves it alone', async () => {
    const refused = await as('olga', 'POST', `/api/requests/${ids.old}/restore`);
    expect([refused.status, refused.body.code]).toEqual([403, 'permission_denied']);
    const restored = await ok('boss', 'POST', `/api/requests/${ids.old}/restore`, undefined, 200);
    expect(restored).toMatchObject({ id: ids.old, archivedAt: null, isOpen: false });
    expect([await valueRows('request_values', ids.old), await valueRows('request_values_archive', ids.old)]).toEqual([1, 0]);
    const again = await as('boss', 'POST', `/api/requests/${ids.old}/restore`);
    expect([again.status, again.body.code]).toEqual([409, 'not_archived']);
    expect(await listIds('olga', 'state=closed')).toEqual([ids.old, ids.young]);
    const pskov = encodeURIComponent(JSON.stringify([{ field: 'attr.CITY', op: 'eq', value: 'Pskov' }]));
    expect(await listIds('olga', `state=closed&filters=${pskov}`)).toEqual([ids.old, ids.young]);
    expect((await t.dataSource.query("SELECT actorLogin FROM audit_entries WHERE entityType = 'request' AND action = 'restore' AND entityId = ?", [String(ids.old)]))).toEqual([{ actorLogin: 'boss' }]);

    expect((await runSweep('test-sweep-2')).state).toBe('done');
    expect(await archivedAt(ids.old)).toBeNull();
    expect(await archivedAt(ids.older)).not.toBeNull();
    expect(Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'archive'"))[0].n)).toBe(2);
  });
});
