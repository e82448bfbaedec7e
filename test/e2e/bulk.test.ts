import { In } from 'typeorm';
import { AuditEntry } from '../../server/src/audit/audit-entry.entity';
import { RequestProblemLink } from '../../server/src/problems/entities/request-problem-link.entity';
import { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { startTestApp, TestApp } from '../helpers/app';
import { setUpHelpdesk, type Helpdesk } from '../helpers/closure-setup';
import { testDatabases } from '../helpers/databases';

describe.each(testDatabases())('bulk operations on %s', (database) => {
  let t: TestApp;
  let h: Helpdesk;
  /** Four in the dispatcher's queue, one in a queue the dispatcher is not in. */
  let mine: number[];
  let foreign: number;

  const rows = (ids: number[]) => t.dataSource.getRepository(CustomerRequest).find({ where: { id: In(ids) }, order: { id: 'ASC' } });
  const bulk = (body: unknown, headers?: Record<string, string>) => h.as('disp', 'POST', '/api/requests/bulk', body, headers);

  beforeAll(async () => {
    t = await startTestApp(database);
    h = await setUpHelpdesk(t);
    mine = await h.register('HELP', 4);
    foreign = await h.registerPlain('OTHER', 'outsider');
  });
  afterAll(() => t?.close());

  it('assigns many at once and reports each: done, not found (another queue), stale, invalid assignee', async () => {
    const [a, b, stale] = mine;
    const staleVersion = await h.version(stale);
    await h.ok('disp', 'POST', `/api/requests/${stale}/attributes`, { expectedVersion: staleVersion, values: { CATEGORY: 'lines' } }, 200);
    const response = await bulk({ ids: [a, b, stale, foreign, 999_999], action: 'assign', params: { assigneeId: h.ids.disp }, expectedVersions: { [stale]: staleVersion } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'assign', succeeded: 2, failed: 3 });
    expect(response.body.results.map((result: { id: number; ok: boolean; code: string }) => [result.id, result.ok, result.code])).toEqual([
      [a, true, 'ok'],
      [b, true, 'ok'],
      [stale, false, 'stale_version'],
      [foreign, false, 'not_found'],
      [999_999, false, 'not_found'],
    ]);
    const [rowA, rowB, rowStale] = await rows([a, b, stale]);
    expect([rowA.assigneeId, rowB.assigneeId, rowStale.assigneeId]).toEqual([h.ids.disp, h.ids.disp, null]);
    expect((await rows([foreign]))[0].assigneeId).toBeNull();
    expect(await t.dataSource.getRepository(AuditEntry).countBy({ entityType: 'request', action: 'assign', entityId: In([a, b, stale].map(String)) })).toBe(2);

    const notMember = await bulk({ ids: [a], action: 'assign', params: { assigneeId: h.ids.outsider } });
    expect(notMember.body.results).toEqual([expect.objectContaining({ id: a, ok: false, code: 'invalid_assignee' })]);
  });

  it('moves many along their route with the same checks as one transition', async () => {
    const response = await bulk({ ids: [...mine, foreign], action: 'transition', params: { transitionId: 'assign' } });
    expect(response.body.results.map((result: { ok: boolean; code: string }) => result.code)).toEqual(['ok', 'ok', 'ok', 'ok', 'not_found']);
    expect((await rows(mine)).map((row) => [row.currentSteps, row.queueId, row.awaitingAcceptance])).toEqual(mine.map(() => ['Engineer', h.ids.SECOND, true]));
    const again = await bulk({ ids: [mine[0]], action: 'transition', params: { transitionId: 'assign' } });
    expect(again.body.results[0]).toMatchObject({ ok: false, code: 'not_at_step' });
  });

  it('sets an attribute and links a problem for many, replaying a retried call', async () => {
    const values = await bulk({ ids: mine, action: 'setAttribute', params: { values: { CATEGORY: 'exchange' } } });
    expect(values.body.succeeded).toBe(mine.length);
    const written = await t.dataSource.query(`SELECT COUNT(*) AS n FROM request_values WHERE requestId IN (${mine.join(',')})`);
    expect(Number(written[0].n)).toBe(mine.length);

    const problem = await h.ok('disp', 'POST', '/api/problems', { subject: 'Exchange down', isMass: true }, 201);
    const body = { ids: [...mine, foreign], action: 'linkProblem', params: { problemId: problem.id } };
    const key = { 'Idempotency-Key': 'bulk-link-1' };
    const first = await bulk(body, key);
    const replay = await bulk(body, key);
    expect(first.body.results.map((result: { ok: boolean }) => result.ok)).toEqual([true, true, true, true, false]);
    expect(replay.body).toEqual(first.body);
    expect(await t.dataSource.getRepository(RequestProblemLink).countBy({ problemId: problem.id })).toBe(mine.length);
    expect(await t.dataSource.getRepository(AuditEntry).countBy({ entityType: 'request', action: 'problem.link' })).toBe(mine.length);
    const missing = await bulk({ ids: [mine[0]], action: 'linkProblem', params: { problemId: 999_999 } });
    expect(missing.body.results[0]).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('refuses a malformed call as a whole and changes nothing', async () => {
    const before = await rows(mine);
    for (const [body, path] of [
      [{ ids: mine, action: 'close', params: {} }, 'action'],
      [{ ids: [], action: 'assign', params: { assigneeId: null } }, 'ids'],
      [{ ids: mine, action: 'assign', params: { assigneeId: 'disp' } }, 'params.assigneeId'],
      [{ ids: mine, action: 'transition', params: {} }, 'params.transitionId'],
      [{ ids: mine, action: 'assign', params: { assigneeId: null }, expectedVersions: { [mine[0]]: 'one' } }, `expectedVersions.${mine[0]}`],
      [{ ids: Array.from({ length: 201 }, (_, index) => index + 1), action: 'assign', params: { assigneeId: null } }, 'ids'],
    ] as const) {
      const response = await bulk(body);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.body.details.map((detail: { path: string }) => detail.path)).toContain(path);
    }
    expect(await rows(mine)).toEqual(before);
    expect((await h.as('analyst', 'POST', '/api/requests/bulk', { ids: mine, action: 'assign', params: { assigneeId: null } })).status).toBe(403);
  });
});
