/**
 * The request card on a large data set, MariaDB: p50/p95 of GET /api/requests/:id for random requests,
 * next to the same reads done bare through mysql2 — the request, its attribute values, topic, contact,
 * discussions, comments, history, escalations, children, links, tags and problems, each by primary key or its
 * index — on one connection.
 *
 * Its own database, `docket_bench_card`, dropped at the end. With BENCH_KEEP=1 it is kept, and the next run
 * with BENCH_KEEP=1 and the same BENCH_REQUESTS reuses it (taking the migrations added since) instead of loading again.
 */
import 'reflect-metadata';
import { createConnection, type Connection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../server/src/database/data-source-options';
import { request, spawnServer, TEST_ADMIN_PASSWORD, type RunningServer } from '../helpers/app';
import { apiAs, generateRequest, insertRequests, registerSampleSlots, SAMPLE_ATTRIBUTES, seededRandom } from '../helpers/request-data';
import { figureLine, loadAverage, runLoad, sendJson } from './bench-kit';

const SERVER = (process.env.DOCKET_TEST_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/\/$/, '');
const DATABASE = 'docket_bench_card';
const DATABASE_URL = `${SERVER}/${DATABASE}`;
const TOTAL = Number(process.env.BENCH_REQUESTS ?? 100_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 300);
const KEEP = process.env.BENCH_KEEP === '1';
const PLAN = { weights: [10, ...Array.from({ length: 30 }, () => 3)], openShare: 0.3 };
const DATA_VERSION = `v1-${TOTAL}`;
const VALUE_TYPES: Record<string, string> = { string: 'string', number: 'decimal', instant: 'datetime', text: 'text' };

jest.setTimeout(60 * 60 * 1000);

/** A statement or two on the database server itself, outside any database. */
async function onServer<T>(work: (admin: Connection) => Promise<T>): Promise<T> {
  const admin = await createConnection(SERVER.replace(/^mariadb:/, 'mysql:'));
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** With BENCH_KEEP=1, whether the kept database holds a complete data set of this size (the marker follows the last row); else an empty database. */
const reusable = () =>
  onServer(async (admin) => {
    const [tables] = await admin.query("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ? AND table_name = 'bench_marker'", [DATABASE]);
    const [marker] = Number((tables as { n: number }[])[0].n) ? await admin.query(`SELECT version FROM \`${DATABASE}\`.bench_marker`) : [[]];
    if (KEEP && (marker as { version: string }[])[0]?.version === DATA_VERSION) return true;
    await admin.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``);
    await admin.query(`CREATE DATABASE \`${DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    return false;
  });

/** Topic 1, attributes 1–7 and queues 1–31 through the API (the generated rows name them), then the rows themselves; the seconds it took. */
async function load(server: RunningServer, dataSource: DataSource, token: string): Promise<number> {
  const { ok } = apiAs(() => ({ call: (method, path, options) => request(server.url, method, path, options) }), { admin: token });
  const topic = (await ok('admin', 'POST', '/api/topics', { code: 'GENERAL', name: 'General', kind: 'topic' }, 201)).id;
  for (const attribute of SAMPLE_ATTRIBUTES) {
    const id = (await ok('admin', 'POST', '/api/attributes', { code: attribute.code, name: attribute.code, valueType: VALUE_TYPES[attribute.kind], ...(attribute.kind === 'number' ? { scale: 2 } : {}) }, 201)).id;
    expect(id).toBe(attribute.attributeId);
    await ok('admin', 'POST', `/api/topics/${topic}/attributes`, { attributeId: id }, 201);
  }
  const [{ id: adminId }] = await dataSource.query("SELECT id FROM users WHERE login = 'admin'");
  for (let queue = 1; queue <= PLAN.weights.length; queue++) {
    expect((await ok('admin', 'POST', '/api/queues', { code: `Q${queue}`, name: `Queue ${queue}` }, 201)).id).toBe(queue);
  }
  await ok('admin', 'PUT', '/api/queues/1/people', { memberIds: [Number(adminId)], workgroupIds: [], administratorIds: [] }, 200);
  await registerSampleSlots(dataSource);
  const random = seededRandom(2026);
  const loading = Date.now();
  for (let first = 1; first <= TOTAL; first += 5000) {
    await insertRequests(dataSource, Array.from({ length: Math.min(5000, TOTAL - first + 1) }, (_, index) => generateRequest(first + index, random, PLAN)), 2500);
  }
  await dataSource.query('ANALYZE TABLE requests, request_values');
  await dataSource.query('CREATE TABLE bench_marker (version varchar(64))');
  await dataSource.query('INSERT INTO bench_marker VALUES (?)', [DATA_VERSION]);
  return (Date.now() - loading) / 1000;
}

test('request card over a large data set vs its primary-key reads', async () => {
  const loadBefore = loadAverage();
  const reuse = await reusable();
  const server = await spawnServer({ DATABASE_URL, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', DOCKET_DEMO: '0', DOCKET_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, DOCKET_SCHEDULER: '0' });
  const dataSource = new DataSource(dataSourceOptions({ databaseUrl: DATABASE_URL, driver: 'mysql' }));
  await dataSource.initialize();
  const connection = await createConnection({ uri: DATABASE_URL.replace(/^mariadb:/, 'mysql:') });
  try {
    const token = (await request(server.url, 'POST', '/api/auth/login', { body: { login: 'admin', password: TEST_ADMIN_PASSWORD } })).body.token as string;
    const loadSeconds = reuse ? null : await load(server, dataSource, token);

    const pick = seededRandom(7);
    const ids = Array.from({ length: CALLS + 20 }, () => 1 + Math.floor(pick() * TOTAL));
    const card = (id: number) => sendJson(server.url, 'GET', `/api/requests/${id}`, token);
    const first = await card(ids[0]);
    expect(first.status).toBe(200);
    expect(first.body.attributes.length).toBe(SAMPLE_ATTRIBUTES.length);
    // What the card shows, each read once by its key or index: the request, its values, topic, contact,
    // discussions, comments, history, escalations, parent and children, links, tags and problems.
    const bareReads = async (id: number) => {
      const [[row]] = (await connection.query('SELECT * FROM requests WHERE id = ?', [id])) as unknown as [{ topicId: number; contactId: number | null }[]];
      await connection.query('SELECT * FROM request_values WHERE requestId = ?', [id]);
      await connection.query('SELECT * FROM topic_nodes WHERE id = ?', [row.topicId]);
      await connection.query('SELECT * FROM contacts WHERE id = ?', [row.contactId]);
      await connection.query('SELECT * FROM request_discussions WHERE requestId = ?', [id]);
      await connection.query('SELECT * FROM request_comments WHERE requestId = ?', [id]);
      await connection.query("SELECT * FROM audit_entries WHERE entityType = 'request' AND entityId = ?", [String(id)]);
      await connection.query('SELECT * FROM request_escalations WHERE requestId = ?', [id]);
      await connection.query('SELECT id, number, status FROM requests WHERE parentId = ?', [id]);
      await connection.query('SELECT * FROM request_links WHERE requestId = ? OR linkedRequestId = ?', [id, id]);
      await connection.query('SELECT * FROM request_tags WHERE requestId = ?', [id]);
      await connection.query('SELECT p.* FROM request_problem_links l JOIN problems p ON p.id = l.problemId WHERE l.requestId = ?', [id]);
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
        `Request card, MariaDB, ${TOTAL.toLocaleString('en')} requests with ${SAMPLE_ATTRIBUTES.length} attributes (${loadSeconds === null ? `kept ${DATABASE} reused` : `loaded in ${loadSeconds.toFixed(0)} s`}), ${CALLS} random cards, concurrency 1`,
        `Load average (1/5/15 min) before ${loadBefore}, after ${loadAverage()}`,
        `${'run'.padEnd(44)} ${'throughput'.padStart(13)} ${'p50'.padStart(11)} ${'p95'.padStart(11)}`,
        figureLine('bare primary-key / index SELECTs (12)', bare),
        `${figureLine('GET /api/requests/:id', api, bare)}   p95 ${(api.p95 / bare.p95).toFixed(1)}× bare`,
        '',
      ].join('\n'),
    );
  } finally {
    await connection.end();
    await dataSource.destroy();
    await server.stop();
    if (!KEEP) await onServer((admin) => admin.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``));
  }
});
