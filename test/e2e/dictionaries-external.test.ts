import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';

/** A real HTTP service the external dictionaries read from; its behaviour is switched by the tests. */
function startSource() {
  const state = { hits: 0, failing: false };
  const server: Server = createServer((request, response) => {
    state.hits++;
    if (request.url === '/slow') {
      setTimeout(() => response.end('{"data":{"items":[]}}'), 2000);
      return;
    }
    if (request.url === '/big') {
      response.end(JSON.stringify({ data: { items: Array.from({ length: 1000 }, (_, i) => ({ id: `T${i}`, title: 'x'.repeat(50) })) } }));
      return;
    }
    if (request.headers['x-api-key'] !== 'secret-key') {
      response.statusCode = 401;
      response.end('{}');
      return;
    }
    if (state.failing) {
      response.statusCode = 500;
      response.end('down');
      return;
    }
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ data: { items: [{ id: 'BASIC', title: 'Basic' }, { id: 'PRO', title: 'Professional', group: 'BASIC' }, { id: 7, title: 'Seven' }] } }));
  });
  return new Promise<{ url: string; state: typeof state; close(): Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, state, close: () => new Promise((done) => server.close(() => done())) }),
    ),
  );
}

describe.each(testDatabases())('external dictionaries and dynamic queries on %s', (database) => {
  let t: TestApp;
  let admin: string;
  let operator: string;
  let source: Awaited<ReturnType<typeof startSource>>;
  let cmdbDir: string;

  beforeAll(async () => {
    source = await startSource();
    cmdbDir = mkdtempSync(join(tmpdir(), 'docket-cmdb-'));
    const cmdb = new DataSource({ type: 'better-sqlite3', database: join(cmdbDir, 'cmdb.sqlite') });
    await cmdb.initialize();
    await cmdb.query('CREATE TABLE services (code TEXT, title TEXT, parent TEXT)');
    await cmdb.query("INSERT INTO services VALUES ('NET', 'Network', NULL), ('VPN', 'VPN', 'NET')");
    await cmdb.destroy();
    t = await startTestApp(database, { DOCKET_EXTERNAL_SQL_CONNECTIONS: JSON.stringify({ cmdb: `sqlite:${join(cmdbDir, 'cmdb.sqlite')}` }) });
    admin = await t.loginAs('admin', t.adminPassword);
    await t.call('POST', '/api/users', { token: admin, body: { login: 'op', name: 'Op', password: 'password-123', roleCodes: ['operator'] } });
    operator = await t.loginAs('op', 'password-123');
  });
  afterAll(async () => {
    await t?.close();
    await source?.close();
    rmSync(cmdbDir, { recursive: true, force: true });
  });

  const count = async (table: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const http = (path: string, extra: Record<string, unknown> = {}) => ({
    url: source.url + path,
    itemsPath: 'data.items',
    codeField: 'id',
    nameField: 'title',
    parentField: 'group',
    headers: { 'x-api-key': 'secret-key' },
    ...extra,
  });
  const createExternal = async (code: string, body: Record<string, unknown>) => {
    const created = await t.call('POST', '/api/external-dictionaries', { token: admin, body: { code, name: code, ...body } });
    expect(created.status).toBe(201);
    return created.body.id as number;
  };

  describe('over HTTP', () => {
    it('reads the items once and serves them from the cache within the TTL', async () => {
      const id = await createExternal('TARIFF', { kind: 'http', http: http('/tariffs'), ttlSeconds: 600 });
      const hitsBefore = source.state.hits;
      const first = await t.call('GET', `/api/external-dictionaries/${id}/items`, { token: operator });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ code: 'TARIFF', stale: false, error: null });
      expect(first.body.items).toEqual([
        { code: 'BASIC', name: 'Basic', parentCode: null },
        { code: 'PRO', name: 'Professional', parentCode: 'BASIC' },
        { code: '7', name: 'Seven', parentCode: null },
      ]);
      const second = await t.call('GET', `/api/external-dictionaries/${id}/items`, { token: operator });
      expect(second.body.items).toHaveLength(3);
      expect(source.state.hits - hitsBefore).toBe(1);
      const journal = await t.call('GET', `/api/audit?entityType=external_dictionary&entityId=${id}`, { token: admin });
      expect(journal.body.items[0]).toMatchObject({ action: 'create' });
    });

    it('serves the stale copy with a flag and the reason when the source fails', async () => {
      const id = await createExternal('TARIFF_LIVE', { kind: 'http', http: http('/tariffs'), ttlSeconds: 0 });
      expect((await t.call('GET', `/api/external-dictionaries/${id}/items`, { token: operator })).body.stale).toBe(false);
      source.state.failing = true;
      try {
        const stale = await t.call('GET', `/api/external-dictionaries/${id}/items`, { token: operator });
        expect(stale.status).toBe(200);
        expect(stale.body).toMatchObject({ stale: true, error: 'the source answered HTTP 500' });
        expect(stale.body.items).toHaveLength(3);
        const refresh = await t.call('POST', `/api/external-dictionaries/${id}/refresh`, { token: admin });
        expect(refresh.status).toBe(502);
        expect(refresh.body.code).toBe('external_source_failed');
      } finally {
        source.state.failing = false;
      }
      const recovered = await t.call('POST', `/api/external-dictionaries/${id}/refresh`, { token: admin });
      expect(recovered.status).toBe(200);
      expect(recovered.body.error).toBeNull();
    });

    it.each([
      ['a source slower than the timeout', () => http('/slow', { timeoutMs: 300 }), 'did not answer within 300 ms'],
      ['an answer larger than the limit', () => http('/big', { maxBytes: 2000 }), 'larger than 2000 bytes'],
      ['a refused credential', () => http('/tariffs', { headers: {} }), 'HTTP 401'],
      ['no array at the path', () => http('/tariffs', { itemsPath: 'data.nothing' }), 'no array at "data.nothing"'],
    ])('reports %s and has nothing to serve', async (_what, make, message) => {
      const id = await createExternal(`FAILING_${Math.random().toString(36).slice(2, 8)}`, { kind: 'http', http: make() });
      const response = await t.call('GET', `/api/external-dictionaries/${id}/items`, { token: operator });
      expect(response.status).toBe(502);
      expect(response.body.message).toContain(message);
      expect(response.body.details[0].path).toBe('source');
    });
  });

  it('reads a SELECT on a named, read-only SQL connection', async () => {
    const id = await createExternal('CMDB_SERVICES', {
      kind: 'sql',
      sql: { connection: 'cmdb', query: 'SELECT code, title, parent FROM services ORDER BY code', codeColumn: 'code', nameColumn: 'title', parentColumn: 'parent' },
    });
    const items = await t.call('GET', `/api/external-dictionaries/${id}/items`, { token: operator });
    expect(items.body.items).toEqual([
      { code: 'NET', name: 'Network', parentCode: null },
      { code: 'VPN', name: 'VPN', parentCode: 'NET' },
    ]);
  });

  describe('refuses a bad external dictionary and changes nothing', () => {
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['an http kind without its source', { kind: 'http' }, 400, 'http'],
      ['both sources', { kind: 'http', http: { url: 'http://x.example/', codeField: 'a', nameField: 'b' }, sql: { connection: 'cmdb', query: 'SELECT 1', codeColumn: 'a', nameColumn: 'b' } }, 400, 'sql'],
      ['a URL that is not http', { kind: 'http', http: { url: 'file:///etc/passwd', codeField: 'a', nameField: 'b' } }, 400, 'http.url'],
      ['a header with a line break', { kind: 'http', http: { url: 'http://x.example/', codeField: 'a', nameField: 'b', headers: { 'x-a': 'a\r\nb: c' } } }, 400, 'http.headers.x-a'],
      ['an unconfigured connection', { kind: 'sql', sql: { connection: 'prod', query: 'SELECT a, b FROM t', codeColumn: 'a', nameColumn: 'b' } }, 400, 'sql.connection'],
      ['a query that writes', { kind: 'sql', sql: { connection: 'cmdb', query: 'DELETE FROM services', codeColumn: 'a', nameColumn: 'b' } }, 400, 'sql.query'],
      ['a timeout above the limit', { kind: 'http', http: { url: 'http://x.example/', codeField: 'a', nameField: 'b', timeoutMs: 999999 } }, 400, 'http.timeoutMs'],
    ];
    it.each(cases)('%s', async (_what, body, status, path) => {
      const before = [await count('external_dictionaries'), await count('audit_entries')];
      const response = await t.call('POST', '/api/external-dictionaries', { token: admin, body: { code: 'BAD', name: 'Bad', ...body } });
      expect(response.status).toBe(status);
      expect(response.body.details.map((detail: { path: string }) => detail.path)).toContain(path);
      expect([await count('external_dictionaries'), await count('audit_entries')]).toEqual(before);
    });

    it('a duplicate code', async () => {
      const response = await t.call('POST', '/api/external-dictionaries', { token: admin, body: { code: 'TARIFF', name: 'Again', kind: 'http', http: http('/tariffs') } });
      expect(response.status).toBe(409);
    });

    it('403 for an operator', async () => {
      const response = await t.call('POST', '/api/external-dictionaries', { token: operator, body: { code: 'OP', name: 'Op', kind: 'http', http: http('/tariffs') } });
      expect(response.status).toBe(403);
    });
  });

  describe('dynamic queries', () => {
    let queryId: number;

    beforeAll(async () => {
      const region = await t.call('POST', '/api/dictionaries', { token: admin, body: { code: 'REGION', name: 'Region', hierarchical: true } });
      for (const code of ['NW', 'PSKOV', 'SPB']) await t.call('POST', `/api/dictionaries/${region.body.id}/items`, { token: admin, body: { code, name: `Region ${code}` } });
    });

    it('saves a parameterised SELECT and runs it with typed, bound values', async () => {
      const created = await t.call('POST', '/api/dynamic-queries', {
        token: admin,
        body: {
          code: 'ITEMS_OF',
          name: 'Items of a dictionary',
          sql: 'SELECT i.code AS value, i.name AS label FROM dictionary_items i JOIN dictionaries d ON d.id = i.dictionaryId WHERE d.code = :dict AND i.active = :active ORDER BY i.code',
          parameters: [{ name: 'dict', type: 'string', required: true }, { name: 'active', type: 'boolean', required: true }],
          valueColumn: 'value',
          labelColumn: 'label',
          maxRows: 2,
        },
      });
      expect(created.status).toBe(201);
      queryId = created.body.id;
      const run = await t.call('POST', `/api/dynamic-queries/${queryId}/run`, { token: operator, body: { params: { dict: 'REGION', active: true } } });
      expect(run.status).toBe(200);
      expect(run.body).toEqual({ code: 'ITEMS_OF', items: [{ value: 'NW', label: 'Region NW' }, { value: 'PSKOV', label: 'Region PSKOV' }], truncated: true });
      const injected = await t.call('POST', `/api/dynamic-queries/${queryId}/run`, { token: operator, body: { params: { dict: "REGION' OR '1'='1", active: true } } });
      expect(injected.body.items).toEqual([]);
    });

    it('binds a date-time parameter on either database', async () => {
      await t.call('POST', '/api/clients', { token: admin, body: { kind: 'company', name: 'Recent Ltd' } });
      const created = await t.call('POST', '/api/dynamic-queries', {
        token: admin,
        body: { code: 'CLIENTS_SINCE', name: 'Clients since', sql: 'SELECT id AS value, name AS label FROM clients WHERE createdAt >= :since', parameters: [{ name: 'since', type: 'datetime', required: true }], valueColumn: 'value', labelColumn: 'label' },
      });
      expect(created.status).toBe(201);
      const run = (since: Date) => t.call('POST', `/api/dynamic-queries/${created.body.id}/run`, { token: operator, body: { params: { since: since.toISOString() } } });
      expect((await run(new Date(Date.now() - 3_600_000))).body.items.map((item: { label: string }) => item.label)).toEqual(['Recent Ltd']);
      expect((await run(new Date(Date.now() + 3_600_000))).body.items).toEqual([]);
    });

    it.each([
      ['a missing required value', {}, 'params.dict'],
      ['a wrong type', { dict: 'REGION', active: 'yes' }, 'params.active'],
      ['an unknown parameter', { dict: 'REGION', active: true, limit: 5 }, 'params.limit'],
    ])('refuses to run with %s', async (_what, params, path) => {
      const response = await t.call('POST', `/api/dynamic-queries/${queryId}/run`, { token: operator, body: { params } });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('invalid_parameters');
      expect(response.body.details.map((detail: { path: string }) => detail.path)).toContain(path);
    });

    it.each([
      ['a table outside the allow-list', 'SELECT login AS value, passwordHash AS label FROM users', [], 'sql'],
      ['a second statement', 'SELECT code AS value, name AS label FROM dictionaries; DELETE FROM dictionaries', [], 'sql'],
      ['an undeclared parameter', 'SELECT code AS value, name AS label FROM dictionaries WHERE code = :code', [], 'sql'],
      ['an unused parameter', 'SELECT code AS value, name AS label FROM dictionaries', [{ name: 'code', type: 'string' }], 'parameters'],
      ['a column the database does not know', 'SELECT nonsense AS value, name AS label FROM dictionaries', [], 'sql'],
      ['a result without the value column', 'SELECT code AS other, name AS label FROM dictionaries', [], 'valueColumn'],
    ])('refuses to save %s and changes nothing', async (_what, sql, parameters, path) => {
      const before = [await count('dynamic_queries'), await count('audit_entries')];
      const response = await t.call('POST', '/api/dynamic-queries', { token: admin, body: { code: 'BAD_QUERY', name: 'Bad', sql, parameters, valueColumn: 'value', labelColumn: 'label' } });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('invalid_query');
      expect(response.body.details.map((detail: { path: string }) => detail.path)).toContain(path);
      expect([await count('dynamic_queries'), await count('audit_entries')]).toEqual(before);
    });

    it('lets only dictionaries.manage define queries', async () => {
      const response = await t.call('POST', '/api/dynamic-queries', { token: operator, body: { code: 'OP', name: 'Op', sql: 'SELECT code AS value, name AS label FROM dictionaries', valueColumn: 'value', labelColumn: 'label' } });
      expect(response.status).toBe(403);
    });
  });
});
