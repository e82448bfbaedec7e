import type { EntityManager } from 'typeorm';
import { RequestEscalation } from './entities/request-escalation.entity';

/** A request's vertical escalations, oldest first, for its card. */
export async function escalationsOf(manager: EntityManager, requestId: number): Promise<RequestEscalation[]> {
  return manager.find(RequestEscalation, { where: { requestId }, order: { id: 'ASC' } });
}
