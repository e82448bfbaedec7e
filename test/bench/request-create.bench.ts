/**
 * Registering a request through the HTTP API on MariaDB — one contact with one request carrying 30
 * attribute values, on a topic with rules, a published route and an SLA policy, so route start, audit,
 * outbox and SLA timers all happen — at concurrency 1 and 16, next to a bare mysql2 transaction inserting
 * the very rows one API call inserted (captured from the database), at the same concurrency.
 */
import { createPool, Pool } from 'mysql2/promise';
import { startTestApp, TestApp } from '../helpers/app';
import { apiAs, publishRoute, triageRoute } from '../helpers/request-data';
import { captureRows, figureLine, Figures, insertLike, loadAverage, runLoad, sendJson, SERVER_WORKERS } from './bench-kit';

const ATTRIBUTES = 30;
const PLAN = [
  { concurrency: 1, calls: Number(process.env.BENCH_CALLS_1 ?? 150) },
  { concurrency: 16, calls: Number(process.env.BENCH_CALLS_16 ?? 480) },
];

const route = triageRoute('BENCH', 'Bench', 'FIRST');

jest.setTimeout(30 * 60 * 1000);

test('request registration through the API vs a bare transaction', async () => {
  const loadBefore = loadAverage();
  const t: TestApp = await startTestApp('mariadb', { DOCKET_SCHEDULER: '0', DOCKET_WORKERS: String(SERVER_WORKERS) });
  const tokens: Record<string, string> = { admin: await t.loginAs('admin', t.adminPassword) };
  const { ok } = apiAs(() => t, tokens);
  const ids: Record<string, number> = {};
  let pool: Pool | undefined;
  try {
    // Vera is told of every new request in the queue: that is the outbox row.
    for (const login of ['olga', 'vera']) ids[login] = (await ok('admin', 'POST', '/api/users', { login, name: login, email: `${login}@example.com`, password: `${login}-password-1`, roleCodes: ['operator'] }, 201)).id;
    tokens.olga = await t.loginAs('olga', 'olga-password-1');
    ids.FIRST = (await ok('admin', 'POST', '/api/queues', { code: 'FIRST', name: 'First line' }, 201)).id;
    await ok('admin', 'PUT', `/api/queues/${ids.FIRST}/people`, { memberIds: [ids.olga, ids.vera], workgroupIds: [], administratorIds: [] }, 200);
    ids.topic = (await ok('admin', 'POST', '/api/topics', { code: 'BENCH', name: 'Bench', kind: 'topic' }, 201)).id;
    const codes = Array.from({ length: ATTRIBUTES }, (_, index) => `A${String(index + 1).padStart(2, '0')}`);
    for (const [index, code] of codes.entries()) {
      // A few attributes carry rules, so intake evaluates them on every request.
      const rules = index === 1 ? { required: { rule: { '==': [{ var: 'request.attributes.A01' }, 'urgent'] } } } : index === 2 ? { defaultValue: { rule: { var: 'request.attributes.A01' } } } : {};
      const attribute = await ok('admin', 'POST', '/api/attributes', { code, name: code, valueType: index % 3 === 2 ? 'integer' : 'string', ...rules }, 201);
      await ok('admin', 'POST', `/api/topics/${ids.topic}/attributes`, { attributeId: attribute.id }, 201);
    }
    await publishRoute(ok, 'BENCH', [ids.topic], route);
    const calendar = await ok('admin', 'POST', '/api/sla/calendars', { code: 'always', name: '24x7', definition: { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5, 6, 7] } }, 201);
    const targets = Object.fromEntries([1, 2, 3, 4, 5].map((priority) => [String(priority), { reactionMinutes: 60 * priority, resolutionMinutes: 480 * priority }]));
    await ok('admin', 'POST', '/api/sla/policies', { code: 'standard', name: 'Standard', rank: 100, calendarId: calendar.id, targets }, 201);

    const values = Object.fromEntries(codes.map((code, index) => [code, index % 3 === 2 ? index * 10 : `value ${index}`]));
    const body = (n: number) => JSON.stringify({ requests: [{ topicId: ids.topic, type: 'incident', impact: 2, urgency: 2, subject: `Bench request ${n}`, description: '<p>Created by the benchmark</p>', attributes: values }] });
    const create = async (n: number) => {
      const created = await sendJson(t.url, 'POST', '/api/contacts', tokens.olga, body(n));
      if (created.status !== 201) throw new Error(`POST /api/contacts: ${created.status} ${JSON.stringify(created.body)}`);
      return Number(created.body.requests[0].id);
    };

    pool = createPool({ uri: t.databaseUrl.replace(/^mariadb:/, 'mysql:'), connectionLimit: 16, dateStrings: true });
    for (let n = 0; n < 20; n++) await create(-n - 1); // warm up the server (JIT, caches, connections)
    const template = await captureRows(pool, () => create(0));
    const written = [...template.tables].map(([table, rows]) => `${table} ${rows.length}`).join(', ');
    for (const table of ['requests', 'request_values', 'audit_entries', 'scheduled_jobs']) expect(template.tables.has(table)).toBe(true);
    expect(template.tables.get('request_values')!.length).toBeGreaterThanOrEqual(ATTRIBUTES);

    // The floor: an authenticated read that touches little, to tell the framework's share from the write's.
    const floor = await runLoad(1, 100, async () => {
      const counts = await sendJson(t.url, 'GET', '/api/requests/counts', tokens.olga);
      if (counts.status !== 200) throw new Error(`GET /api/requests/counts: ${counts.status}`);
    });
    const results: { concurrency: number; api: Figures; bare: Figures }[] = [];
    let tag = 0;
    for (const { concurrency, calls } of PLAN) {
      const bare = await runLoad(concurrency, calls, async () => {
        const connection = await pool!.getConnection();
        try {
          await insertLike(connection, template, `${process.pid}-${tag++}`);
        } finally {
          connection.release();
        }
      });
      const api = await runLoad(concurrency, calls, (n) => create(1000 * concurrency + n).then(() => undefined));
      results.push({ concurrency, api, bare });
    }
    const outbox = [...template.tables.keys()].filter((table) => /outbox|mail/.test(table));
    process.stdout.write(
      [
        '',
        `Request registration, MariaDB, ${ATTRIBUTES} attribute values, route + SLA policy, ${SERVER_WORKERS} server process(es); load average (1/5/15 min) before ${loadBefore}, after ${loadAverage()}`,
        `Rows one API call inserts (the bare transaction inserts the same): ${written}`,
        outbox.length ? `Outbox tables written: ${outbox.join(', ')}` : 'No outbox row was written by a registration (nobody to tell)',
        `${'run'.padEnd(44)} ${'throughput'.padStart(13)} ${'p50'.padStart(11)} ${'p95'.padStart(11)}`,
        figureLine('floor: GET /api/requests/counts, concurrency 1', floor),
        ...results.flatMap(({ concurrency, api, bare }) => [figureLine(`bare mysql2 transaction, concurrency ${concurrency}`, bare), figureLine(`POST /api/contacts, concurrency ${concurrency}`, api, bare)]),
        `Goals: ≥ 0.3× the bare transaction; p95 < 50 ms at concurrency 16 (measured ${results[1].api.p95.toFixed(1)} ms)`,
        '',
      ].join('\n'),
    );
  } finally {
    await pool?.end();
    await t.close();
  }
});
