import { RequestRating } from '../../server/src/requests/closure/request-rating.entity';
import { SlaBreach } from '../../server/src/sla/entities/sla-breach.entity';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { insertRequest } from '../integration/sla-fixtures';

const HOUR = 3_600_000;

describe.each(testDatabases())('the dashboard report on %s', (database) => {
  let t: TestApp;
  let admin: string;
  const ids: Record<string, number> = {};

  const user = async (login: string, roleCodes: string[]) => {
    const created = await t.call('POST', '/api/users', { token: admin, body: { login, name: `User ${login}`, password: `${login}-password-1`, roleCodes } });
    expect(created.status).toBe(201);
    ids[login] = created.body.id;
    return t.loginAs(login, `${login}-password-1`);
  };

  beforeAll(async () => {
    t = await startTestApp(database);
    admin = await t.loginAs('admin', t.adminPassword);
    for (const code of ['ALPHA', 'BETA']) ids[code] = (await t.call('POST', '/api/queues', { token: admin, body: { code, name: `Queue ${code}` } })).body.id;
    expect((await t.call('POST', '/api/roles', { token: admin, body: { code: 'lead', name: 'Team lead', permissions: ['reports.read', 'requests.read'] } })).status).toBe(201);
  });
  afterAll(() => t?.close());

  it('counts backlog, age, breaches of the last 30 days and workload per assignee and the ratings of the last 30 days with GROUP BY, for every queue', async () => {
    const manager = await user('mira', ['manager']);
    await user('anna', ['specialist']);
    await user('boris', ['specialist']);
    const now = Date.now();
    const ago = (hours: number) => new Date(now - hours * HOUR);
    const rows = [
      { queueId: ids.ALPHA, assigneeId: ids.anna, createdAt: ago(2) },
      { queueId: ids.ALPHA, assigneeId: ids.anna, createdAt: ago(50) },
      { queueId: ids.ALPHA, assigneeId: null, createdAt: ago(100) },
      { queueId: ids.BETA, assigneeId: ids.boris, createdAt: ago(24 * 40) },
      { queueId: ids.BETA, assigneeId: ids.anna, createdAt: ago(1), isOpen: false, status: 'closed' },
    ];
    const requestIds: number[] = [];
    for (const row of rows) requestIds.push((await insertRequest(t.dataSource.manager, { ...row, updatedAt: row.createdAt })).id);
    const rate = (requestIndex: number, rating: number | null, daysAgo: number) =>
      t.dataSource.getRepository(RequestRating).insert({ requestId: requestIds[requestIndex], rating, comment: null, byTimeout: rating === null, actorId: null, createdAt: new Date(now - daysAgo * 24 * HOUR) });
    // ALPHA: 5, 5, 4; BETA: 2 (and a 1 older than the window, and a timeout without a rating, neither counted).
    await rate(0, 5, 1);
    await rate(1, 5, 2);
    await rate(2, 4, 3);
    await rate(4, 2, 1);
    await rate(4, 1, 40);
    await rate(3, null, 1);
    const breach = (queueId: number, kind: 'breach' | 'warning', daysAgo: number, requestId: number) =>
      t.dataSource.getRepository(SlaBreach).insert({ requestId, clock: 'resolution', kind, deadline: new Date(now - daysAgo * 24 * HOUR), occurredAt: new Date(now - daysAgo * 24 * HOUR), policyId: 1, priority: 3, queueId, assigneeId: null, topicId: 1, closedAt: null });
    await breach(ids.ALPHA, 'breach', 1, 1);
    await breach(ids.ALPHA, 'breach', 2, 2);
    await breach(ids.BETA, 'breach', 3, 4);
    await breach(ids.BETA, 'breach', 40, 5);
    await breach(ids.BETA, 'warning', 1, 4);

    const response = await t.call('GET', '/api/reports/dashboard', { token: manager });
    expect(response.status).toBe(200);
    expect(response.body.scope).toBe('all');
    expect(response.body.backlog).toEqual([
      { queueId: ids.ALPHA, code: 'ALPHA', name: 'Queue ALPHA', open: 3, unassigned: 1 },
      { queueId: ids.BETA, code: 'BETA', name: 'Queue BETA', open: 1, unassigned: 0 },
    ]);
    expect(response.body.age).toEqual([
      { bucket: 'day', open: 1 },
      { bucket: 'threeDays', open: 1 },
      { bucket: 'week', open: 1 },
      { bucket: 'month', open: 0 },
      { bucket: 'older', open: 1 },
    ]);
    expect(response.body.breaches).toEqual([
      { queueId: ids.ALPHA, code: 'ALPHA', name: 'Queue ALPHA', breaches: 2 },
      { queueId: ids.BETA, code: 'BETA', name: 'Queue BETA', breaches: 1 },
    ]);
    expect(response.body.workload).toEqual([
      { userId: ids.anna, login: 'anna', name: 'User anna', open: 2 },
      { userId: ids.boris, login: 'boris', name: 'User boris', open: 1 },
    ]);
    expect(response.body.ratings).toEqual({
      days: 30,
      distribution: [
        { rating: 1, count: 0 },
        { rating: 2, count: 1 },
        { rating: 3, count: 0 },
        { rating: 4, count: 1 },
        { rating: 5, count: 2 },
      ],
      total: 4,
      average: 4,
    });
  });

  it('restricts a reader without requests.read.all to the queues they are in, and nothing when in none', async () => {
    const lead = await user('lena', ['lead']);
    const outside = await t.call('GET', '/api/reports/dashboard', { token: lead });
    expect(outside.status).toBe(200);
    expect(outside.body).toMatchObject({ scope: 'mine', backlog: [], breaches: [], workload: [], ratings: { total: 0, average: null } });
    expect(outside.body.age.every((bucket: { open: number }) => bucket.open === 0)).toBe(true);

    expect((await t.call('PUT', `/api/queues/${ids.BETA}/people`, { token: admin, body: { memberIds: [ids.lena], workgroupIds: [], administratorIds: [] } })).status).toBe(200);
    const inBeta = await t.call('GET', '/api/reports/dashboard', { token: lead });
    expect(inBeta.body.backlog.map((row: { code: string }) => row.code)).toEqual(['BETA']);
    expect(inBeta.body.breaches).toEqual([{ queueId: ids.BETA, code: 'BETA', name: 'Queue BETA', breaches: 1 }]);
    expect(inBeta.body.workload).toEqual([{ userId: ids.boris, login: 'boris', name: 'User boris', open: 1 }]);
    expect(inBeta.body.age.find((bucket: { bucket: string }) => bucket.bucket === 'older').open).toBe(1);
    expect(inBeta.body.ratings).toMatchObject({ total: 1, average: 2 });
    expect(inBeta.body.ratings.distribution[1]).toEqual({ rating: 2, count: 1 });
  });

  it('refuses a user without reports.read with 403 and the error shape', async () => {
    const operator = await user('oleg', ['operator']);
    const refused = await t.call('GET', '/api/reports/dashboard', { token: operator });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect((await t.call('GET', '/api/reports/dashboard')).status).toBe(401);
  });
});
