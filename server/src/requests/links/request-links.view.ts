import type { EntityManager } from 'typeorm';
import { rowsWhere } from '../../database/entity-rows';
import type { ProblemStatus } from '../../problems/problem-status';
import type { TopicForms } from '../processing/request-context';
import { relativeRows, type RelativeView } from '../views/request-family';
import type { LinkKind } from './entities/request-link.entity';
import { RequestTag } from './entities/request-tag.entity';

export interface LinkView {
  id: number;
  kind: LinkKind;
  /** outgoing: this request is the duplicate (or the one that named the relation); incoming: the other one is. */
  direction: 'outgoing' | 'incoming';
  request: RelativeView;
}

export interface LinkedProblemView {
  id: number;
  number: string;
  subject: string;
  status: ProblemStatus;
}

/** The request's links in both directions, each with the other request as a relative (number, status, topic only). One read. */
export async function linksOf(manager: EntityManager, forms: TopicForms, requestId: number): Promise<LinkView[]> {
  const rows = relativeRows(manager, forms);
  const quote = (name: string) => manager.connection.driver.escape(name);
  const side = (direction: LinkView['direction'], own: string, other: string) =>
    `SELECT l.id AS ${quote('linkId')}, l.kind AS ${quote('linkKind')}, '${direction}' AS ${quote('direction')}, ${rows.columns('r')} FROM request_links l JOIN requests r ON r.id = l.${quote(other)} WHERE l.${quote(own)} = ?`;
  const raw: Record<string, unknown>[] = await manager.query(`${side('outgoing', 'requestId', 'linkedRequestId')} UNION ALL ${side('incoming', 'linkedRequestId', 'requestId')} ORDER BY ${quote('linkId')}`, [requestId, requestId]);
  return Promise.all(raw.map(async (row) => ({ id: Number(row.linkId), kind: row.linkKind as LinkKind, direction: row.direction as LinkView['direction'], request: await rows.view(rows.hydrate(row)) })));
}

/** The problem that caused the request, as a list (a request has at most one). One read. */
export async function linkedProblemsOf(manager: EntityManager, requestId: number): Promise<LinkedProblemView[]> {
  const raw: Record<string, unknown>[] = await manager.query('SELECT p.id, p.number, p.subject, p.status FROM request_problem_links l JOIN problems p ON p.id = l.problemId WHERE l.requestId = ? ORDER BY p.id', [requestId]);
  return raw.map((row) => ({ id: Number(row.id), number: String(row.number), subject: String(row.subject), status: row.status as ProblemStatus }));
}

/** The request's tags in alphabetical order (the key's). One read. */
export async function tagsOf(manager: EntityManager, requestId: number): Promise<string[]> {
  return (await rowsWhere(manager, RequestTag, { requestId })).map((row) => row.tag);
}
