/**
 * Two writers transitioning the same requests on MariaDB: in each round both send the transition at the
 * version they just read, at once. Exactly one may win each contested version (asserted); the other gets
 * 409. Several requests run side by side. Next to it, the bare equivalent through mysql2: a conditional
 * `UPDATE … WHERE id = ? AND version = ?` plus the audit and outbox rows one API transition inserted.
 */
import { createPool, Pool } from 'mysql2/promise';
import { startTestApp, TestApp } from '../helpers/app';
import { apiAs, publishRoute } from '../helpers/request-data';
import { captureRows, figureLine, Figures, insertRows, loadAverage, rewriteRow, RowTemplate, sendJson, SERVER_WORKERS } from './bench-kit';

const LANES = Number(process.env.BENCH_LANES ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

/** Each move tells the queue by mail: that is the outbox row. */
const notify = { kind: 'notify', template: 'bench.moved', recipients: ['queue'] };

/** Two steps in the same queue, back and forth, so a request can be transitioned without end. */
const route = {
  code: 'PINGPONG',
  name: 'Ping-pong',
  version: 1,
  topics: ['PINGPONG'],
  steps: [
    { id: 'Start', name: 'Registered', kind: 'start' },
    { id: 'Left', name: 'Left', kind: 'userTask', queues: { rules: [], default: 'FIRST' }, handlers: { onEnter: [notify] } },
    { id: 'Right', name: 'Right', kind: 'userTask', queues: { rules: [], default: 'FIRST' }, handlers: { onEnter: [notify] } },
    { id: 'Done', name: 'Done', kind: 'end', resolution: 'resolved' },
  ],
  transitions: [
    { id: 'toLeft', name: '', from: 'Start', to: 'Left' },
    { id: 'right', name: 'Right', from: 'Left', to: 'Right' },
    { id: 'left', name: 'Left', from: 'Right', to: 'Left' },
    { id: 'finish', name: 'Finish', from: 'Right', to: 'Done' },
  ],
};

interface Contest {
  figures: Figures;
  conflicts: number;
  calls: number;
}

/** LANES requests side by side, ROUNDS contested versions each; `attempt` answers whether the writer won. */
async function contest(attempt: (lane: number, writer: number, version: number, step: string) => Promise<{ won: boolean; step: string }>, start: { version: number; step: string }[]): Promise<Contest> {
  const latencies: number[] = [];
  let conflicts = 0;
  const began = performance.now();
  await Promise.all(
    start.map(async (state, lane) => {
      let { version, step } = state;
      for (let round = 0; round < ROUNDS; round++) {
        const outcomes = await Promise.all(
          [0, 1].map(async (writer) => {
            const sent = performance.now();
            const outcome = await attempt(lane, writer, version, step);
            latencies.push(performance.now() - sent);
            return outcome;
          }),
        );
        const winners = outcomes.filter((outcome) => outcome.won);
        // The property under test: one winner per contested version, never two, never none.
        if (winners.length !== 1) throw new Error(`lane ${lane}, version ${version}: ${winners.length} winners`);
        conflicts += outcomes.length - 1;
        version += 1;
        step = winners[0].step;
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))];
  const won = LANES * ROUNDS;
  return { figures: { calls: won, seconds, perSecond: won / seconds, p50: at(0.5), p95: at(0.95) }, conflicts, calls: latencies.length };
}

jest.setTimeout(30 * 60 * 1000);

test('two writers on the same requests: one winner per version, through the API and bare', async () => {
  const loadBefore = loadAverage();
  const t: TestApp = await startTestApp('mariadb', { DOCKET_SCHEDULER: '0', DOCKET_WORKERS: String(SERVER_WORKERS) });
  const tokens: Record<string, string> = { admin: await t.loginAs('admin', t.adminPassword) };
  const { ok } = apiAs(() => t, tokens);
  const ids: Record<string, number> = {};
  let pool: Pool | undefined;
  try {
    for (const login of ['olga', 'vera']) {
      ids[login] = (await ok('admin', 'POST', '/api/users', { login, name: login, email: `${login}@example.com`, password: `${login}-password-1`, roleCodes: ['operator'] }, 201)).id;
      tokens[login] = await t.loginAs(login, `${login}-password-1`);
    }
    ids.FIRST = (await ok('admin', 'POST', '/api/queues', { code: 'FIRST', name: 'First line' }, 201)).id;
    await ok('admin', 'PUT', `/api/queues/${ids.FIRST}/people`, { memberIds: [ids.olga, ids.vera], workgroupIds: [], administratorIds: [] }, 200);
    ids.topic = (await ok('admin', 'POST', '/api/topics', { code: 'PINGPONG', name: 'Ping-pong', kind: 'topic' }, 201)).id;
    await publishRoute(ok, 'PINGPONG', [ids.topic], route);
    const register = async () => (await ok('olga', 'POST', '/api/contacts', { requests: [{ topicId: ids.topic, type: 'incident', impact: 3, urgency: 3, subject: 'Contested' }] }, 201)).requests[0] as { id: number; version: number; currentSteps: string };
    const writers = ['olga', 'vera'];
    const transition = (id: number, writer: number, version: number, step: string) =>
      sendJson(t.url, 'POST', `/api/requests/${id}/transitions`, tokens[writers[writer]], JSON.stringify({ transitionId: step === 'Left' ? 'right' : 'left', expectedVersion: version }));

    // The rows one transition inserts, for the bare run; the request row itself is updated, not inserted.
    pool = createPool({ uri: t.databaseUrl.replace(/^mariadb:/, 'mysql:'), connectionLimit: 2 * LANES, dateStrings: true });
    const probe = await register();
    const template: RowTemplate = await captureRows(pool, async () => {
      const moved = await transition(probe.id, 0, probe.version, probe.currentSteps);
      if (moved.status !== 200) throw new Error(`transition: ${moved.status} ${JSON.stringify(moved.body)}`);
      return probe.id;
    });
    template.tables.delete('requests');
    const written = [...template.tables].map(([table, rows]) => `${table} ${rows.length}`).join(', ');

    const apiRequests = await Promise.all(Array.from({ length: LANES }, register));
    const api = await contest(async (lane, writer, version, step) => {
      const answer = await transition(apiRequests[lane].id, writer, version, step);
      if (answer.status === 409) {
        if (answer.body.current?.version !== version + 1) throw new Error(`409 without the current state: ${JSON.stringify(answer.body)}`);
        return { won: false, step };
      }
      if (answer.status !== 200) throw new Error(`transition: ${answer.status} ${JSON.stringify(answer.body)}`);
      return { won: true, step: answer.body.currentSteps };
    }, apiRequests.map((request) => ({ version: request.version, step: request.currentSteps })));

    const bareRequests = await Promise.all(Array.from({ length: LANES }, register));
    const bare = await contest(async (lane, _writer, version, step) => {
      const connection = await pool!.getConnection();
      try {
        await connection.beginTransaction();
        const next = step === 'Left' ? 'Right' : 'Left';
        const [result] = await connection.query('UPDATE requests SET currentSteps = ?, version = version + 1, updatedAt = NOW(3) WHERE id = ? AND version = ?', [next, bareRequests[lane].id, version]);
        if ((result as { affectedRows: number }).affectedRows !== 1) {
          // As the API does on a conflict: read the current state to answer with, change nothing.
          await connection.query('SELECT * FROM requests WHERE id = ?', [bareRequests[lane].id]);
          await connection.rollback();
          return { won: false, step };
        }
        const ids = { requestId: bareRequests[lane].id, contactId: null, version: version + 1 };
        for (const [table, rows] of template.tables) await insertRows(connection, table, rows.map((row) => rewriteRow(template, row, ids)));
        await connection.commit();
        return { won: true, step: next };
      } catch (error) {
        await connection.rollback();
        throw error;
      } finally {
        connection.release();
      }
    }, bareRequests.map((request) => ({ version: request.version, step: request.currentSteps })));

    const audits = await t.dataSource.query(
      `SELECT entityId, COUNT(*) AS n FROM audit_entries WHERE entityType = 'request' AND action = 'transition' AND entityId IN (${apiRequests.map(() => '?').join(', ')}) GROUP BY entityId`,
      apiRequests.map((request) => String(request.id)),
    );
    // Every contested version left exactly one journalled transition: no lost update, no double write.
    expect(audits.map((row: { n: number | string }) => Number(row.n))).toEqual(apiRequests.map(() => ROUNDS));
    const rate = (result: Contest) => `${((100 * result.conflicts) / result.calls).toFixed(1)} % 409`;
    process.stdout.write(
      [
        '',
        `Contended transitions, MariaDB, ${LANES} requests side by side × ${ROUNDS} contested versions, 2 writers each (${2 * LANES} calls in flight), ${SERVER_WORKERS} server process(es)`,
        `Load average (1/5/15 min) before ${loadBefore}, after ${loadAverage()}`,
        `Rows one API transition inserts (the bare run inserts the same after its UPDATE): ${written}`,
        `${'run (throughput counts winning transitions)'.padEnd(44)} ${'throughput'.padStart(13)} ${'p50'.padStart(11)} ${'p95'.padStart(11)}`,
        `${figureLine('bare conditional UPDATE + rows', bare.figures)}   ${rate(bare)}`,
        `${figureLine('POST /api/requests/:id/transitions', api.figures, bare.figures)}   ${rate(api)}`,
        `Exactly one winner for each of the ${LANES * ROUNDS} contested versions, in both runs (asserted)`,
        '',
      ].join('\n'),
    );
  } finally {
    await pool?.end();
    await t.close();
  }
});
