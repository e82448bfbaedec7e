import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { checkSelect } from '../dynamic-queries/select-validator';
import { EXTERNAL_LIMITS, ExternalItem, ExternalSourceError, SqlSource, toItems } from './external-source';

/**
 * Named connections to other systems' databases, from DOCKET_EXTERNAL_SQL_CONNECTIONS
 * (`{"billing": "mysql://ro:secret@billing:3306/billing", "cmdb": "sqlite:/data/cmdb.sqlite"}`).
 * Only the operator of the server can add one; an administrator can only pick one by name.
 */
export function sqlConnections(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const raw = env.DOCKET_EXTERNAL_SQL_CONNECTIONS;
  if (!raw) return {};
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('DOCKET_EXTERNAL_SQL_CONNECTIONS must be a JSON object of name → URL');
  return parsed as Record<string, string>;
}

/** Runs the source's fixed SELECT on its named connection, read-only, within its time limit. */
export async function readSqlSource(source: SqlSource, connections = sqlConnections()): Promise<ExternalItem[]> {
  const url = connections[source.connection];
  if (!url) throw new ExternalSourceError(`the connection "${source.connection}" is not configured`);
  const timeoutMs = Math.min(source.timeoutMs, EXTERNAL_LIMITS.maxTimeoutMs);
  let rows: unknown[];
  try {
    const { positionalSql } = checkSelect(source.query, null);
    const limited = `SELECT * FROM (${positionalSql}) external_rows LIMIT ${EXTERNAL_LIMITS.maxItems + 1}`;
    rows = url.startsWith('sqlite:') ? await readSqlite(url.slice('sqlite:'.length), limited, timeoutMs) : await readMysql(url, limited, timeoutMs);
  } catch (error) {
    throw new ExternalSourceError(`the query failed: ${(error as Error).message}`);
  }
  return toItems(rows, { code: source.codeColumn, name: source.nameColumn, parent: source.parentColumn });
}

async function readSqlite(file: string, sql: string, timeoutMs: number): Promise<unknown[]> {
  // Opened read-only: SQLite itself refuses any write on this connection.
  const source = new DataSource({ type: 'better-sqlite3', database: file, readonly: true, fileMustExist: true, timeout: timeoutMs });
  await source.initialize();
  try {
    return (await source.query(sql)) as unknown[];
  } finally {
    await source.destroy();
  }
}

async function readMysql(url: string, sql: string, timeoutMs: number): Promise<unknown[]> {
  const connection = await createConnection({ uri: url.replace(/^mariadb:/, 'mysql:'), connectTimeout: timeoutMs });
  try {
    // A read-only transaction: even a query that slipped past the check could not write.
    await connection.query('START TRANSACTION READ ONLY');
    const [rows] = await connection.query({ sql, timeout: timeoutMs });
    return rows as unknown[];
  } finally {
    await connection.query('ROLLBACK').catch(() => undefined);
    await connection.end().catch(() => undefined);
  }
}
