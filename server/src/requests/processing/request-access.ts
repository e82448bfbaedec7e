import type { EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { conflict, forbidden, notFound } from '../../common/docket-error';
import { actorQueues } from '../../queues/queue-access';
import { CustomerRequest } from '../entities/customer-request.entity';
import { entityColumns } from '../../database/entity-rows';
import { readWithRequest } from './request-context';
import { hasClocksColumn, knowClocks } from '../../sla/clock-presence';

export const READ_ALL = 'requests.read.all';

export interface RequestAccess {
  request: CustomerRequest;
  canWork: boolean;
}

/**
 * Every read and write of one request starts here. A request outside the caller's queues answers 404,
 * as if it did not exist, so ids cannot be probed; `requests.read.all` widens reading, never working.
 */
export async function accessRequest(manager: EntityManager, actor: Principal, id: number): Promise<RequestAccess> {
  // Both reads at once: the caller's queues do not depend on the request.
  const [request, { member }] = await Promise.all([requestWithContactAndClocks(manager, id), actorQueues(manager, actor)]);
  if (!request) throw notFound('Request', id);
  const own = request.queueId === null ? request.createdById === actor.userId : member.includes(request.queueId);
  if (!own && !actor.permissions.has(READ_ALL as never)) throw notFound('Request', id);
  return { request, canWork: own && request.archivedAt === null };
}

/** The request, how its contact came in (what route rules may read of the contact) and whether it has SLA clocks, in one statement. */
async function requestWithContactAndClocks(manager: EntityManager, id: number): Promise<CustomerRequest | null> {
  const columns = entityColumns(manager, CustomerRequest);
  const [row]: Record<string, unknown>[] = await manager.query(
    `SELECT ${columns.select('t')}, c.id AS contactRowId, c.channelId AS contactChannelId, c.directionId AS contactDirectionId, c.placeId AS contactPlaceId, ${hasClocksColumn('t.id')}
     FROM requests t LEFT JOIN contacts c ON c.id = t.contactId WHERE t.id = ?`,
    [id],
  );
  if (!row) return null;
  const request = columns.hydrate(row);
  knowClocks(manager, request.id, Boolean(Number(row.hasSlaClocks)));
  const idOrNull = (value: unknown) => (value === null ? null : Number(value));
  if (row.contactRowId !== null) readWithRequest(request, { channelId: idOrNull(row.contactChannelId), directionId: idOrNull(row.contactDirectionId), placeId: idOrNull(row.contactPlaceId) });
  return request;
}

export async function workableRequest(manager: EntityManager, actor: Principal, id: number): Promise<CustomerRequest> {
  const { request, canWork } = await accessRequest(manager, actor, id);
  if (request.archivedAt !== null) throw conflict('archived', `Request ${request.number} is archived: restore it before working on it`, [{ path: 'id', message: 'archived' }]);
  if (!canWork) throw forbidden('Only members of the request’s queue may work it', 'not_in_queue');
  return request;
}
