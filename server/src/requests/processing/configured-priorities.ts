import type { EntityManager } from 'typeorm';
import { cachedConfiguration } from '../../database/configuration-cache';
import { priorityMatrix, type PriorityMatrix } from '../domain/priority-matrix';
import { PriorityCell } from '../entities/priority-cell.entity';

/** The impact × urgency matrix every channel classifies new requests by, from the configuration cache. */
export function currentPriorityMatrix(manager: EntityManager): Promise<PriorityMatrix> {
  return cachedConfiguration(manager, 'priorityMatrix', async () => priorityMatrix(await manager.find(PriorityCell)));
}
