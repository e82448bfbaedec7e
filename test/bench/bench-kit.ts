/**
 * Shared pieces of the HTTP benchmarks: a closed-loop load runner, percentiles, the machine's load, and
 * a copier that repeats, in one bare mysql2 transaction, exactly the rows one API call inserted.
 */
import { Agent, request as httpRequest } from 'node:http';
import { loadavg } from 'node:os';
import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';

export interface Figures {
  calls: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
}

/** `total` calls of `one(n)` by `concurrency` workers, each starting its next call when the last ends. */
export async function runLoad(concurrency: number, total: number, one: (n: number) => Promise<void>): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let n = next++; n < total; n = next++) {
        const begun = performance.now();
        await one(n);
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))];
  return { calls: total, seconds, perSecond: total / seconds, p50: at(0.5), p95: at(0.95) };
}

/** Server processes behind the HTTP benchmarks (DOCKET_WORKERS): `BENCH_WORKERS=2 npm run bench …`. */
export const SERVER_WORKERS = Number(process.env.BENCH_WORKERS ?? 1);

export const loadAverage = () => loadavg().map((value) => value.toFixed(2)).join(' / ');

export const figureLine = (name: string, figures: Figures, baseline?: Figures) =>
  `${name.padEnd(44)} ${figures.perSecond.toFixed(1).padStart(8)} tx/s ${figures.p50.toFixed(1).padStart(8)} ms ${figures.p95.toFixed(1).padStart(8)} ms${baseline ? `   ${(figures.perSecond / baseline.perSecond).toFixed(2)}× bare` : ''}`;

type Row = Record<string, unknown>;

/** The rows one call inserted, per table: new ids past the high-water marks, or rows of the new request. */
export interface RowTemplate {
  requestId: number;
  contactId: number | null;
  tables: Map<string, Row[]>;
}

async function tablesOf(pool: Pool): Promise<{ name: string; columns: string[] }[]> {
  const [rows] = await pool.query<RowDataPacket[]>('SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position');
  const byTable = new Map<string, string[]>();
  for (const row of rows) byTable.set(row.t, [...(byTable.get(row.t) ?? []), row.c]);
  return [...byTable].map(([name, columns]) => ({ name, columns }));
}

/** Runs `call` (which creates one request and returns its id) and captures every row it inserted. */
export async function captureRows(pool: Pool, call: () => Promise<number>): Promise<RowTemplate> {
  const tables = (await tablesOf(pool)).filter((table) => !table.name.startsWith('migrations'));
  const marks = new Map<string, number>();
  for (const table of tables.filter((candidate) => candidate.columns.includes('id'))) {
    const [[row]] = await pool.query<RowDataPacket[]>(`SELECT COALESCE(MAX(id), 0) AS m FROM \`${table.name}\``);
    marks.set(table.name, Number(row.m));
  }
  const requestId = await call();
  const captured = new Map<string, Row[]>();
  for (const table of tables) {
    const [rows] = marks.has(table.name)
      ? await pool.query<RowDataPacket[]>(`SELECT * FROM \`${table.name}\` WHERE id > ?`, [marks.get(table.name)])
      : table.columns.includes('requestId')
        ? await pool.query<RowDataPacket[]>(`SELECT * FROM \`${table.name}\` WHERE requestId = ?`, [requestId])
        : [[]];
    if (rows.length) captured.set(table.name, rows as Row[]);
  }
  const contactId = (captured.get('requests')?.[0]?.contactId as number | undefined) ?? null;
  return { requestId, contactId, tables: captured };
}

/** The new request's ids; `version` replaces the version in event keys (`request:12:3:…`) when rows repeat per version. */
type Ids = { requestId: number; contactId: number | null; version?: number };

/** A key naming the request (`request:12:…`, `sla.warning:12:…`), not digits that follow a colon in a time. */
const keyOf = (requestId: number) => new RegExp(`([A-Za-z_.]+[:/])${requestId}(?!\\d)(:\\d+)?`, 'g');

/** A captured row for another request: ids dropped, references to the captured request moved to the new one. */
export function rewriteRow(template: RowTemplate, row: Row, ids: Ids): Row {
  const copy: Row = {};
  for (const [column, value] of Object.entries(row)) {
    if (column === 'id') continue;
    if (column === 'requestId' || column === 'subjectId') copy[column] = value === template.requestId || value === String(template.requestId) ? ids.requestId : value;
    else if (column === 'contactId' && ids.contactId !== null && value === template.contactId) copy[column] = ids.contactId;
    else if (column === 'entityId' && value === String(template.requestId)) copy[column] = String(ids.requestId);
    else if (typeof value === 'string' && keyOf(template.requestId).test(value)) copy[column] = value.replace(keyOf(template.requestId), (_key, prefix: string, version?: string) => `${prefix}${ids.requestId}${version && ids.version !== undefined ? `:${ids.version}` : (version ?? '')}`);
    else copy[column] = value;
  }
  return copy;
}

/** One multi-row INSERT; the first new id. */
export async function insertRows(connection: PoolConnection, table: string, rows: Row[]): Promise<number> {
  const columns = Object.keys(rows[0]);
  const [result] = await connection.query(`INSERT INTO \`${table}\` (${columns.map((column) => `\`${column}\``).join(', ')}) VALUES ?`, [rows.map((row) => columns.map((column) => row[column]))]);
  return (result as { insertId: number }).insertId;
}

/** The same rows again for a new request, in one transaction: contacts, then the request, then the rest. */
export async function insertLike(connection: PoolConnection, template: RowTemplate, tag: string): Promise<void> {
  await connection.beginTransaction();
  try {
    const ids: Ids = { requestId: 0, contactId: null };
    const contacts = template.tables.get('contacts');
    if (contacts) ids.contactId = await insertRows(connection, 'contacts', contacts.map((row) => rewriteRow(template, row, ids)));
    const [request] = template.tables.get('requests') ?? [];
    ids.requestId = await insertRows(connection, 'requests', [{ ...rewriteRow(template, request, ids), number: `B-${tag}` }]);
    for (const [table, rows] of template.tables) if (table !== 'contacts' && table !== 'requests') await insertRows(connection, table, rows.map((row) => rewriteRow(template, row, ids)));
    await connection.commit();
  } catch (error) {
    await connection.rollback();
    throw error;
  }
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: 64 });

/** One JSON call on a kept-alive connection, as a client under load makes it. */
export function sendJson(base: string, method: string, path: string, token: string, body?: string): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- callers read what they asked for
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    const outgoing = httpRequest(base + path, { method, agent: keepAlive, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: incoming.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
