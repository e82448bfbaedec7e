import type { EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { notFound } from '../../common/docket-error';
import { actorQueues } from '../../queues/queue-access';
import { accessRequest, READ_ALL } from '../processing/request-access';
import { WorkOrder } from './entities/work-order.entity';

/** Whose work orders a user sees: a partner's user only that partner's; anyone else those of requests they may read. */
export type WorkOrderScope = { partnerId: number } | { queueIds: number[] | 'all'; userId: number };

export async function workOrderScope(manager: EntityManager, actor: Principal): Promise<WorkOrderScope> {
  const [user] = (await manager.query('SELECT partnerId FROM users WHERE id = ?', [actor.userId])) as { partnerId: number | string | null }[];
  if (user?.partnerId !== null && user?.partnerId !== undefined) return { partnerId: Number(user.partnerId) };
  return { queueIds: actor.permissions.has(READ_ALL as never) ? 'all' : (await actorQueues(manager, actor)).member, userId: actor.userId };
}

/** One work order the caller may see; anything else answers 404, as if it did not exist. */
export async function accessWorkOrder(manager: EntityManager, actor: Principal, id: number): Promise<{ order: WorkOrder; scope: WorkOrderScope }> {
  const order = await manager.findOneBy(WorkOrder, { id });
  if (!order) throw notFound('Work order', id);
  const scope = await workOrderScope(manager, actor);
  if ('partnerId' in scope) {
    if (order.partnerId !== scope.partnerId) throw notFound('Work order', id);
  } else {
    await accessRequest(manager, actor, order.requestId).catch(() => {
      throw notFound('Work order', id);
    });
  }
  return { order, scope };
}
