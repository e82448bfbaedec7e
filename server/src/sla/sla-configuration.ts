import type { EntityManager } from 'typeorm';
import { cachedConfiguration } from '../database/configuration-cache';
import { SlaCalendar } from './entities/sla-calendar.entity';
import { SlaPolicy } from './entities/sla-policy.entity';

/** Every SLA policy by id, inactive ones included (running clocks keep the policy they started on). */
export function currentPolicies(manager: EntityManager): Promise<ReadonlyMap<number, SlaPolicy>> {
  return cachedConfiguration(manager, 'slaPolicies', async () => new Map((await manager.find(SlaPolicy, { order: { id: 'ASC' } })).map((policy) => [policy.id, policy])));
}

/** Every business calendar by id. */
export function currentCalendars(manager: EntityManager): Promise<ReadonlyMap<number, SlaCalendar>> {
  return cachedConfiguration(manager, 'slaCalendars', async () => new Map((await manager.find(SlaCalendar)).map((calendar) => [calendar.id, calendar])));
}
