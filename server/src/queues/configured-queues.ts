import type { EntityManager } from 'typeorm';
import { cachedConfiguration } from '../database/configuration-cache';
import { Queue } from './queue.entity';

/** What requests and routes need of a queue: routes name it by code, requests hold its id, mail names it. */
export type ConfiguredQueue = Pick<Queue, 'id' | 'code' | 'name' | 'active'>;

/** Every queue, active or not, by id, from the configuration cache. */
export function configuredQueues(manager: EntityManager): Promise<ReadonlyMap<number, ConfiguredQueue>> {
  return cachedConfiguration(manager, 'queues', async () => new Map((await manager.find(Queue, { select: { id: true, code: true, name: true, active: true } })).map((queue) => [queue.id, queue])));
}
