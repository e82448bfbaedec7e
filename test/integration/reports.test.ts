import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import type { Principal } from '../../server/src/auth/principal';
import type { Permission } from '../../server/src/auth/permissions';
import { Queue } from '../../server/src/queues/queue.entity';
import { RequestRating } from '../../server/src/requests/closure/request-rating.entity';
import { BUILT_IN_REPORTS } from '../../server/src/reports/definitions/built-in-reports';
import { checkReportSpec } from '../../server/src/reports/definitions/report-spec';
import type { ReportSpec } from '../../server/src/reports/definitions/report-vocabulary';
import { runReport } from '../../server/src/reports/run/report-runner';
import { SlaBreach } from '../../server/src/sla/entities/sla-breach.entity';
import { migratedScratchDatabase, ScratchDatabase, testDatabases } from '../helpers/databases';
import { insertRequest, insertUser } from './sla-fixtures';

const NOW = new Date('2026-03-10T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const builtIn = (code: string): ReportSpec => BUILT_IN_REPORTS.find((report) => report.code === code)!.definition;

/**
 * Six requests in two queues, with breaches and ratings, and every figure of the built-in reports worked out by
 * hand below. Requests: r1..r5 in the last 30 days, r6 forty days old; r5 is in queue B, the rest but r6 in A.
 */
describe.each(testDatabases())('reports computed in SQL on %s', (database) => {
  let scratch: ScratchDatabase;
  let dataSource: DataSource;
  const ids: Record<string, number> = {};
  let everything: Principal;
  let memberOfA: Principal;

  const principal = (userId: number, permissions: Permission[], member: number[]): Principal => ({ userId, login: `u${userId}`, name: `User ${userId}`, permissions: new Set(permissions), via: 'session', queues: { member, administrator: [] } });
  const run = (actor: Principal, spec: ReportSpec) => runReport(dataSource.manager, actor, checkReportSpec(spec), NOW);

  beforeAll(async () => {
    ({ scratch, dataSource } = await migratedScratchDatabase(database));
    const manager = dataSource.manager;
    for (const code of ['QA', 'QB']) ids[code] = (await manager.insert(Queue, { code, name: `Queue ${code}`, description: null, active: true, allowedSteps: [], createdAt: NOW, updatedAt: NOW })).identifiers[0].id as number;
    ids.anna = await insertUser(manager, 'anna');
    ids.boris = await insertUser(manager, 'boris');
    const request = async (name: string, fields: Parameters<typeof insertRequest>[1]) => (ids[name] = (await insertRequest(manager, { updatedAt: fields.createdAt, ...fields })).id);
    const closed = (createdAt: Date, hours: number) => ({ createdAt, closedAt: new Date(createdAt.getTime() + hours * HOUR), isOpen: false, status: 'closed' });
    await request('r1', { queueId: ids.QA, assigneeId: ids.anna, topicId: 11, clientId: 501, ...closed(ago(10 * DAY), 4) });
    await request('r2', { queueId: ids.QA, assigneeId: ids.anna, topicId: 11, clientId: 501, createdAt: ago(7 * DAY - HOUR) });
    await request('r3', { queueId: ids.QA, assigneeId: ids.boris, topicId: 12, clientId: 502, ...closed(ago(5 * DAY), 10) });
    await request('r4', { queueId: ids.QA, assigneeId: null, topicId: 11, clientId: 502, createdAt: ago(2 * HOUR) });
    await request('r5', { queueId: ids.QB, assigneeId: ids.boris, topicId: 11, clientId: 501, ...closed(ago(3 * DAY), 2) });
    await request('r6', { queueId: ids.QB, assigneeId: null, topicId: 12, clientId: null, createdAt: ago(40 * DAY) });
    const rate = (name: string, rating: number | null) => manager.insert(RequestRating, { requestId: ids[name], rating, comment: null, byTimeout: rating === null, actorId: null, createdAt: NOW });
    await rate('r1', 5);
    await rate('r3', 3);
    await rate('r3', null);
    await rate('r5', 4);
    await rate('r5', 2);
    const breach = (name: string, queue: string, clock: string, kind: 'breach' | 'warning', at: Date) =>
      manager.insert(SlaBreach, { requestId: ids[name], clock, kind, deadline: at, occurredAt: at, policyId: 1, priority: 3, queueId: ids[queue], assigneeId: null, topicId: 11, closedAt: null });
    await breach('r2', 'QA', 'resolution', 'breach', ago(6 * DAY));
    await breach('r2', 'QA', 'resolution', 'warning', ago(6 * DAY + HOUR));
    await breach('r3', 'QA', 'resolution', 'breach', ago(4 * DAY));
    await breach('r3', 'QA', 'reaction', 'breach', ago(4 * DAY));
    await breach('r5', 'QB', 'resolution', 'breach', ago(2 * DAY));
    await breach('r6', 'QB', 'resolution', 'breach', ago(39 * DAY));
    everything = principal(ids.anna, ['reports.read', 'requests.read', 'requests.read.all'], []);
    memberOfA = principal(ids.boris, ['reports.read', 'requests.read'], [ids.QA]);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await scratch?.drop();
  });

  it('counts by topic: requests, open, closed and the average hours to close, largest group first', async () => {
    const result = await run(everything, builtIn('by-topic'));
    expect(result.columns.map((column) => column.key)).toEqual(['topic', 'count', 'open', 'closed', 'avgResolutionHours']);
    // Topic 11: r1 (closed in 4 h), r2, r4 (open), r5 (closed in 2 h). Topic 12: r3 (closed in 10 h); r6 is older than 30 days.
    expect(result.rows).toEqual([
      { topicId: 11, topic: '#11', count: 4, open: 2, closed: 2, avgResolutionHours: 3 },
      { topicId: 12, topic: '#12', count: 1, open: 0, closed: 1, avgResolutionHours: 10 },
    ]);
    expect(result).toMatchObject({ scope: 'all', truncated: false });
  });

  it('takes the median of the hours to close per group: the middle one, or the two middle ones averaged', async () => {
    // Topic 11 closed r1 in 4 h and r5 in 2 h (median 3); topic 12 closed r3 in 10 h; over all: 2, 4, 10 (median 4).
    const spec: ReportSpec = { dataset: 'requests', groupBy: ['topic'], measures: ['count', 'medianResolutionHours'] };
    expect((await run(everything, spec)).rows).toEqual([
      { topicId: 11, topic: '#11', count: 4, medianResolutionHours: 3 },
      { topicId: 12, topic: '#12', count: 2, medianResolutionHours: 10 },
    ]);
    expect((await run(everything, { ...spec, groupBy: [] })).rows).toEqual([{ count: 6, medianResolutionHours: 4 }]);
    // A median first orders by the groups; a group with nothing closed has none.
    expect((await run(everything, { ...spec, groupBy: ['queue'], measures: ['medianResolutionHours'], open: true })).rows).toEqual([
      { queueId: ids.QA, queue: 'Queue QA', medianResolutionHours: null },
      { queueId: ids.QB, queue: 'Queue QB', medianResolutionHours: null },
    ]);
  });

  it('counts repeats: an earlier request of the same client and topic within the days given', async () => {
    // r2 repeats r1 (3 days before), r5 repeats r2 (4 days before); r4 has client 502, whose other request has topic 12.
    expect((await run(everything, builtIn('repeat-requests'))).rows).toEqual([
      { topicId: 11, topic: '#11', count: 4, repeats: 2 },
      { topicId: 12, topic: '#12', count: 1, repeats: 0 },
    ]);
    // Two days back, r2 (3 days after r1) is no repeat and neither is r5 (4 days after r2).
    expect((await run(everything, { ...builtIn('repeat-requests'), repeatDays: 2 })).rows.map((row) => row.repeats)).toEqual([0, 0]);
  });

  it('rates and times operators, and names them', async () => {
    // anna: r1 (5), r2 (no rating). boris: r3 (3; the timeout has none), r5 (4 and 2: 3). Nobody: r4.
    expect((await run(everything, builtIn('by-operator'))).rows).toEqual([
      { assigneeId: ids.anna, assignee: 'anna', count: 2, open: 1, closed: 1, avgResolutionHours: 4, avgRating: 5 },
      { assigneeId: ids.boris, assignee: 'boris', count: 2, open: 0, closed: 2, avgResolutionHours: 6, avgRating: 3 },
      { assigneeId: null, assignee: null, count: 1, open: 1, closed: 0, avgResolutionHours: null, avgRating: null },
    ]);
  });

  it('measures staff on the requests closed in the period, breached ones counted once', async () => {
    expect((await run(everything, builtIn('staff-performance'))).rows).toEqual([
      { assigneeId: ids.boris, assignee: 'boris', closed: 2, avgResolutionHours: 6, medianResolutionHours: 6, breached: 2, avgRating: 3 },
      { assigneeId: ids.anna, assignee: 'anna', closed: 1, avgResolutionHours: 4, medianResolutionHours: 4, breached: 0, avgRating: 5 },
    ]);
  });

  it('counts SLA breaches of the period per queue at the breach, warnings and older breaches left out', async () => {
    expect((await run(everything, builtIn('sla-breaches'))).rows).toEqual([
      { queueId: ids.QA, queue: 'Queue QA', count: 3, requests: 2 },
      { queueId: ids.QB, queue: 'Queue QB', count: 1, requests: 1 },
    ]);
  });

  it('buckets the backlog by age in the buckets of the dashboard, youngest first', async () => {
    expect((await run(everything, builtIn('backlog-ageing'))).rows).toEqual([
      { age: 'day', count: 1, avgAgeHours: 2 },
      { age: 'week', count: 1, avgAgeHours: 167 },
      { age: 'older', count: 1, avgAgeHours: 960 },
    ]);
  });

  it('groups by month, ISO week and day of the period field, in time order', async () => {
    const spec = (dimension: 'month' | 'week' | 'day'): ReportSpec => ({ dataset: 'requests', period: { field: 'createdAt', lastDays: 30 }, groupBy: [dimension], measures: ['count'] });
    expect((await run(everything, spec('month'))).rows).toEqual([
      { month: '2026-02', count: 1 },
      { month: '2026-03', count: 4 },
    ]);
    expect((await run(everything, spec('week'))).rows).toEqual([
      { week: '2026-02-23', count: 1 },
      { week: '2026-03-02', count: 3 },
      { week: '2026-03-09', count: 1 },
    ]);
    expect((await run(everything, spec('day'))).rows.map((row) => row.day)).toEqual(['2026-02-28', '2026-03-03', '2026-03-05', '2026-03-07', '2026-03-10']);
    const closedInMarch = await run(everything, { dataset: 'requests', period: { field: 'closedAt', from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' }, groupBy: ['month'], measures: ['closed'] });
    expect(closedInMarch.rows).toEqual([{ month: '2026-03', closed: 2 }]);
  });

  it('filters with the request list vocabulary and cuts to the limit, saying so', async () => {
    const filtered = await run(everything, { dataset: 'requests', where: [{ field: 'status', op: 'eq', value: 'closed' }, { field: 'priority', op: 'in', value: [0, 1] }], groupBy: ['queue', 'status'], measures: ['count'] });
    expect(filtered.rows).toEqual([
      { queueId: ids.QA, queue: 'Queue QA', status: 'closed', count: 2 },
      { queueId: ids.QB, queue: 'Queue QB', status: 'closed', count: 1 },
    ]);
    const cut = await run(everything, { dataset: 'requests', groupBy: ['queue'], measures: ['count'], limit: 1 });
    expect(cut).toMatchObject({ truncated: true, limit: 1, rows: [{ queue: 'Queue QA', count: 4 }] });
    await expect(run(everything, { dataset: 'requests', where: [{ field: 'nope', op: 'eq', value: 1 }], groupBy: [], measures: ['count'] })).rejects.toMatchObject({ status: 400, code: 'invalid_list' });
  });

  it('shows an operator of queue A nothing of queue B in any built-in report', async () => {
    for (const report of BUILT_IN_REPORTS) {
      const result = await run(memberOfA, report.definition);
      expect({ report: report.code, scope: result.scope, queueB: result.rows.some((row) => row.queueId === ids.QB) }).toEqual({ report: report.code, scope: 'mine', queueB: false });
    }
    // Without r5 (queue B): topic 11 is r1, r2, r4, and r2 is its only repeat.
    expect((await run(memberOfA, builtIn('repeat-requests'))).rows).toEqual([
      { topicId: 11, topic: '#11', count: 3, repeats: 1 },
      { topicId: 12, topic: '#12', count: 1, repeats: 0 },
    ]);
    expect((await run(memberOfA, builtIn('sla-breaches'))).rows).toEqual([{ queueId: ids.QA, queue: 'Queue QA', count: 3, requests: 2 }]);
    expect((await run(memberOfA, builtIn('staff-performance'))).rows.find((row) => row.assignee === 'boris')).toMatchObject({ closed: 1, avgResolutionHours: 10, medianResolutionHours: 10, breached: 1, avgRating: 3 });
    const nowhere = principal(ids.boris, ['reports.read', 'requests.read'], []);
    expect((await run(nowhere, builtIn('by-topic'))).rows).toEqual([]);
  });
});
