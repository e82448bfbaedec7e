import type { EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { conflict, forbidden, notFound } from '../../common/docket-error';
import { queueRolesOf } from '../../queues/queue-access';
import { CustomerRequest } from '../entities/customer-request.entity';
import { rowsWhere } from '../../database/entity-rows';

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
  const [request, { member }] = await Promise.all([rowsWhere(manager, CustomerRequest, { id }).then(([row]) => row ?? null), queueRolesOf(manager, actor.userId)]);
  if (!request) throw notFound('Request', id);
  const own = request.queueId === null ? request.createdById === actor.userId : member.includes(request.queueId);
  if (!own && !actor.permissions.has(READ_ALL as never)) throw notFound('Request', id);
  return { request, canWork: own && request.archivedAt === null };
}

export async function workableRequest(manager: EntityManager, actor: Principal, id: number): Promise<CustomerRequest> {
  const { request, canWork } = await accessRequest(manager, actor, id);
  if (request.archivedAt !== null) throw conflict('archived', `Request ${request.number} is archived: restore it before working on it`, [{ path: 'id', message: 'archived' }]);
  if (!canWork) throw forbidden('Only members of the request’s queue may work it', 'not_in_queue');
  return request;
}
