import type { EntityManager } from 'typeorm';
import { fts5Query, mariadbBooleanQuery } from './search-query';

/** Whose rows a search may return. */
export interface SearchAccess {
  userId: number;
  /** `requests.read.all`: every request, whatever its queue. */
  readAll: boolean;
  /** Queues the user works (actorQueues). */
  queues: number[];
  /** `directory.read`: client attachments too. */
  clients: boolean;
  /** Discussion visibilities the principal may see; null for staff, who see all. */
  visibilities: string[] | null;
}

export interface MatchRow {
  ownerType: string;
  ownerId: number;
  requestId: number | null;
  clientId: number | null;
  /** The first matching row of the document (its chunk gives the snippet). */
  docId: number;
}

/** Full-text matching over search_documents, one implementation per database, the same answers from both. */
export interface SearchEngine {
  match(manager: EntityManager, terms: string[], access: SearchAccess, window: { skip: number; take: number }): Promise<{ rows: MatchRow[]; total: number }>;
}

/** The access rules as SQL over `d` (search_documents) and `r` (its request, left-joined), with `?` parameters. */
function accessClause(access: SearchAccess): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  let request = '1 = 1';
  if (!access.readAll) {
    const queues = access.queues.length ? `r.queueId IN (${access.queues.map(() => '?').join(', ')})` : '1 = 0';
    params.push(...access.queues, access.userId);
    request = `(${queues} OR (r.queueId IS NULL AND r.createdById = ?))`;
  }
  if (access.visibilities) {
    request += ` AND (d.visibility IS NULL OR d.visibility IN (${access.visibilities.map(() => '?').join(', ') || 'NULL'}))`;
    params.push(...access.visibilities);
  }
  return { sql: `((d.requestId IS NOT NULL AND r.id IS NOT NULL AND ${request}) OR (d.requestId IS NULL AND ${access.clients ? '1 = 1' : '1 = 0'}))`, params };
}

const GROUPED = 'GROUP BY d.ownerType, d.ownerId';
const COLUMNS = 'd.ownerType AS ownerType, d.ownerId AS ownerId, MAX(d.requestId) AS requestId, MAX(d.clientId) AS clientId, MIN(d.id) AS docId';

async function run(manager: EntityManager, from: string, where: string, whereParams: unknown[], score: string, scoreParams: unknown[], order: 'ASC' | 'DESC', window: { skip: number; take: number }) {
  const rows: MatchRow[] = await manager.query(`SELECT ${COLUMNS}, ${score} AS score FROM ${from} WHERE ${where} ${GROUPED} ORDER BY score ${order}, docId DESC LIMIT ? OFFSET ?`, [...scoreParams, ...whereParams, window.take, window.skip]);
  const [{ total }] = await manager.query(`SELECT COUNT(*) AS total FROM (SELECT 1 AS hit FROM ${from} WHERE ${where} ${GROUPED}) grouped`, whereParams);
  return { rows: rows.map((row) => ({ ...row, ownerId: Number(row.ownerId), requestId: row.requestId === null ? null : Number(row.requestId), clientId: row.clientId === null ? null : Number(row.clientId), docId: Number(row.docId) })), total: Number(total) };
}

/** MariaDB/MySQL: InnoDB FULLTEXT in boolean mode, best MATCH score first. */
export class MariadbFulltextEngine implements SearchEngine {
  async match(manager: EntityManager, terms: string[], access: SearchAccess, window: { skip: number; take: number }) {
    const query = mariadbBooleanQuery(terms);
    if (!query) return { rows: [], total: 0 };
    const { sql, params } = accessClause(access);
    const match = 'MATCH(d.text) AGAINST (? IN BOOLEAN MODE)';
    return run(manager, 'search_documents d LEFT JOIN requests r ON r.id = d.requestId', `${match} AND ${sql}`, [query, ...params], `MAX(${match})`, [query], 'DESC', window);
  }
}

/** SQLite: FTS5 over search_documents (external content), best bm25 rank (the lowest) first. */
export class SqliteFts5Engine implements SearchEngine {
  async match(manager: EntityManager, terms: string[], access: SearchAccess, window: { skip: number; take: number }) {
    const query = fts5Query(terms);
    if (!query) return { rows: [], total: 0 };
    const { sql, params } = accessClause(access);
    const from = 'search_documents_fts JOIN search_documents d ON d.id = search_documents_fts.rowid LEFT JOIN requests r ON r.id = d.requestId';
    return run(manager, from, `search_documents_fts MATCH ? AND ${sql}`, [query, ...params], 'MIN(search_documents_fts.rank)', [], 'ASC', window);
  }
}
