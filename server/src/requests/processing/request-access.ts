import type { EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { conflict, forbidden, notFound } from '../../common/docket-error';
import { actorQueues } from '../../queues/queue-access';
import { CustomerRequest } from '../entities/customer-request.entity';
import { entityColumns } from '../../database/entity-rows';
import { readWithRequest } from './request-context';
import { hasClocksColumn, knowClocks } from '../../sla/clock-presence';
import { RequestValue } from '../entities/request-value.entity';
import { valueRowsInTransaction } from '../storage/request-values.writer';

export const READ_ALL = 'requests.read.all';

export interface RequestAccess {
  request: CustomerRequest;
  canWork: boolean;
}

/** `withValues`: also read the request's value rows, in the same statement, for the rest of the transaction (see valueRowsInTransaction). */
export interface AccessOptions {
  withValues?: boolean;
}

/**
 * Every read and write of one request starts here. A request outside the caller's queues answers 404,
 * as if it did not exist, so ids cannot be probed; `requests.read.all` widens reading, never working.
 */
export async function accessRequest(manager: EntityManager, actor: Principal, id: number, options: AccessOptions = {}): Promise<RequestAccess> {
  // Both reads at once: the caller's queues do not depend on the request.
  const [request, { member }] = await Promise.all([requestRead(manager, id, options), actorQueues(manager, actor)]);
  if (!request) throw notFound('Request', id);
  const own = request.queueId === null ? request.createdById === actor.userId : member.includes(request.queueId);
  if (!own && !actor.permissions.has(READ_ALL as never)) throw notFound('Request', id);
  return { request, canWork: own && request.archivedAt === null };
}

/**
 * The request, how its contact came in (what route rules may read of the contact) and whether it has SLA clocks, in
 * one statement; with `withValues` inside a transaction, its value rows too, in a second branch of the same statement.
 */
async function requestRead(manager: EntityManager, id: number, { withValues = false }: AccessOptions): Promise<CustomerRequest | null> {
  const { driver } = manager.connection;
  const requests = entityColumns(manager, CustomerRequest);
  const remembered = withValues ? valueRowsInTransaction(manager) : undefined;
  const values = entityColumns(manager, RequestValue);
  const requestBranch = `SELECT 0 AS part, ${requests.select('t')}, c.id AS contactRowId, c.channelId AS contactChannelId, c.directionId AS contactDirectionId, c.placeId AS contactPlaceId, ${hasClocksColumn('t.id')}`;
  const rows: Record<string, unknown>[] = await manager.query(
    remembered
      ? `${requestBranch}, ${values.nulls('value_')} FROM requests t LEFT JOIN contacts c ON c.id = t.contactId WHERE t.id = ?
         UNION ALL SELECT 1, ${requests.nulls('')}, NULL, NULL, NULL, NULL, 0, ${values.select('t', 'value_')} FROM request_values t WHERE t.requestId = ?
         ORDER BY part, ${driver.escape('value_attributeId')}, ${driver.escape('value_ord')}`
      : `${requestBranch} FROM requests t LEFT JOIN contacts c ON c.id = t.contactId WHERE t.id = ?`,
    remembered ? [id, id] : [id],
  );
  const [row] = rows;
  if (!row || Number(row.part) !== 0) return null;
  const request = requests.hydrate(row);
  knowClocks(manager, request.id, Boolean(Number(row.hasSlaClocks)));
  const idOrNull = (value: unknown) => (value === null ? null : Number(value));
  if (row.contactRowId !== null) readWithRequest(request, { channelId: idOrNull(row.contactChannelId), directionId: idOrNull(row.contactDirectionId), placeId: idOrNull(row.contactPlaceId) });
  remembered?.set(request.id, rows.slice(1).map((valueRow) => values.hydrate(valueRow, 'value_')));
  return request;
}

export async function workableRequest(manager: EntityManager, actor: Principal, id: number, options: AccessOptions = {}): Promise<CustomerRequest> {
  const { request, canWork } = await accessRequest(manager, actor, id, options);
  if (request.archivedAt !== null) throw conflict('archived', `Request ${request.number} is archived: restore it before working on it`, [{ path: 'id', message: 'archived' }]);
  if (!canWork) throw forbidden('Only members of the request’s queue may work it', 'not_in_queue');
  return request;
}
