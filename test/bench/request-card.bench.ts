/**
 * The request card on a large data set, MariaDB: p50/p95 of GET /api/requests/:id for random requests,
 * next to the same reads done bare through mysql2 — the request, its attribute values, its topic, its
 * discussions, comments and history, each by primary key or its index — on one connection.
 */
import { createConnection } from 'mysql2/promise';
import { startTestApp } from '../helpers/app';
import { apiAs, generateRequest, insertRequests, registerSampleSlots, SAMPLE_ATTRIBUTES, seededRandom } from '../helpers/request-data';
import { figureLine, loadAverage, runLoad, sendJson } from './bench-kit';

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 100_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 300);
const PLAN = { weights: [10, ...Array.from({ length: 30 }, () => 3)], openShare: 0.3 };
const VALUE_TYPES: Record<string, string> = { string: 'string', number: 'decimal', instant: 'datetime', text: 'text' };

jest.setTimeout(60 * 60 * 1000);

test('request card over a large data set vs its primary-key reads', async () => {
  const loadBefore = loadAverage();
  const t = await startTestApp('mariadb', { DOCKET_SCHEDULER: '0' });
  const tokens: Record<string, string> = { admin: await t.loginAs('admin', t.adminPassword) };
  const { ok } = apiAs(() => t, tokens);
  const connection = await createConnection({ uri: t.databaseUrl.replace(/^mariadb:/, 'mysql:') });
  try {
    // The generated rows name topic 1, attributes 1–7 and queues 1–31: made through the API first, in that order.
    const topic = (await ok('admin', 'POST', '/api/topics', { code: 'GENERAL', name: 'General', kind: 'topic' }, 201)).id;
    for (const attribute of SAMPLE_ATTRIBUTES) {
      const id = (await ok('admin', 'POST', '/api/attributes', { code: attribute.code, name: attribute.code, valueType: VALUE_TYPES[attribute.kind], ...(attribute.kind === 'number' ? { scale: 2 } : {}) }, 201)).id;
      expect(id).toBe(attribute.attributeId);
      await ok('admin', 'POST', `/api/topics/${topic}/attributes`, { attributeId: id }, 201);
    }
    const [{ id: adminId }] = await t.dataSource.query("SELECT id FROM users WHERE login = 'admin'");
    for (let queue = 1; queue <= PLAN.weights.length; queue++) {
      expect((await ok('admin', 'POST', '/api/queues', { code: `Q${queue}`, name: `Queue ${queue}` }, 201)).id).toBe(queue);
    }
    await ok('admin', 'PUT', '/api/queues/1/people', { memberIds: [Number(adminId)], workgroupIds: [], administratorIds: [] }, 200);
    await registerSampleSlots(t.dataSource);
    const random = seededRandom(2026);
    const loading = Date.now();
    for (let first = 1; first <= TOTAL; first += 5000) {
      await insertRequests(t.dataSource, Array.from({ length: Math.min(5000, TOTAL - first + 1) }, (_, index) => generateRequest(first + index, random, PLAN)), 2500);
    }
    await t.dataSource.query('ANALYZE TABLE requests, request_values');
    const loadSeconds = (Date.now() - loading) / 1000;

    const pick = seededRandom(7);
    const ids = Array.from({ length: CALLS + 20 }, () => 1 + Math.floor(pick() * TOTAL));
    const card = (id: number) => sendJson(t.url, 'GET', `/api/requests/${id}`, tokens.admin);
    const first = await card(ids[0]);
    expect(first.status).toBe(200);
    expect(first.body.attributes.length).toBe(SAMPLE_ATTRIBUTES.length);
    const bareReads = async (id: number) => {
      const [[request]] = (await connection.query('SELECT * FROM requests WHERE id = ?', [id])) as unknown as [{ topicId: number }[]];
      await connection.query('SELECT * FROM request_values WHERE requestId = ?', [id]);
      await connection.query('SELECT * FROM topic_nodes WHERE id = ?', [request.topicId]);
      await connection.query('SELECT * FROM request_discussions WHERE requestId = ?', [id]);
      await connection.query('SELECT * FROM request_comments WHERE requestId = ?', [id]);
      await connection.query("SELECT * FROM audit_entries WHERE entityType = 'request' AND entityId = ?", [String(id)]);
    };
    for (const id of ids.slice(0, 20)) {
      await card(id);
      await bareReads(id);
    }
    const bare = await runLoad(1, CALLS, (n) => bareReads(ids[20 + n]));
    const api = await runLoad(1, CALLS, async (n) => {
      const answer = await card(ids[20 + n]);
      if (answer.status !== 200) throw new Error(`GET /api/requests/${ids[20 + n]}: ${answer.status}`);
    });
    process.stdout.write(
      [
        '',
        `Request card, MariaDB, ${TOTAL.toLocaleString('en')} requests with ${SAMPLE_ATTRIBUTES.length} attributes (loaded in ${loadSeconds.toFixed(0)} s), ${CALLS} random cards, concurrency 1`,
        `Load average (1/5/15 min) before ${loadBefore}, after ${loadAverage()}`,
        `${'run'.padEnd(44)} ${'throughput'.padStart(13)} ${'p50'.padStart(11)} ${'p95'.padStart(11)}`,
        figureLine('bare primary-key / index SELECTs (6)', bare),
        `${figureLine('GET /api/requests/:id', api, bare)}   p95 ${(api.p95 / bare.p95).toFixed(1)}× bare`,
        '',
      ].join('\n'),
    );
  } finally {
    await connection.end();
    await t.close();
  }
});
