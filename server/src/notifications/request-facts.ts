import type { EntityManager } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { Client } from '../directory/entities/client.entity';
import { ContactPerson } from '../directory/entities/contact-person.entity';
import { configuredQueues } from '../queues/configured-queues';
import { CustomerRequest } from '../requests/entities/customer-request.entity';
import { storedValues, TopicForms } from '../requests/processing/request-context';
import { cachedMany, type NotificationBatch } from './notification-batch';
import { plainText } from './plain-text';

/** The request columns notifications read: a batch of them reads just these for all its requests at once. */
export const NOTIFIED_REQUEST_COLUMNS = ['id', 'number', 'subject', 'status', 'priority', 'type', 'resolution', 'topicId', 'queueId', 'assigneeId', 'clientId', 'contactPersonId', 'createdById', 'archivedAt'] as const;
export type NotifiedRequest = Pick<CustomerRequest, (typeof NOTIFIED_REQUEST_COLUMNS)[number]>;

/** What every template of one request may say about it, read once per event. */
export interface RequestFacts {
  row: NotifiedRequest;
  variables: Record<string, unknown>;
  attributes: Record<string, unknown>;
}

type Named = new () => { name: string };

/** Names of many rows of one entity in one query (remembered in `cache`); an unknown id has none. */
export async function namesOf(manager: EntityManager, entity: Named, ids: readonly number[], cache?: NotificationBatch): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  return cachedMany(cache, `name:${entity.name}`, ids, async (missing) => {
    const rows: { id: number | string; name: string }[] = await manager.createQueryBuilder().select('e.id', 'id').addSelect('e.name', 'name').from(entity, 'e').where('e.id IN (:...ids)', { ids: missing }).getRawMany();
    return new Map(rows.map((row) => [Number(row.id), row.name]));
  });
}

/**
 * With a cache (one per transaction), names and the topic configuration are read once for many events; `known`
 * is the request's row when the caller holds it current.
 */
export async function requestFacts(manager: EntityManager, requestId: number, cache?: NotificationBatch, known?: NotifiedRequest): Promise<RequestFacts | null> {
  const row = known ?? cache?.requests.get(requestId) ?? (await manager.findOneBy(CustomerRequest, { id: requestId }));
  if (!row) return null;
  const nameOf = async (entity: Named, id: number | null): Promise<string> => (id === null ? '' : ((await namesOf(manager, entity, [id], cache)).get(id) ?? ''));
  const variables = {
    id: row.id,
    number: row.number,
    subject: plainText(row.subject),
    status: row.status,
    priority: row.priority,
    type: row.type,
    resolution: row.resolution,
    queue: row.queueId === null ? '' : ((await configuredQueues(manager)).get(row.queueId)?.name ?? ''),
    assignee: await nameOf(User, row.assigneeId),
    client: await nameOf(Client, row.clientId),
    contactPerson: await nameOf(ContactPerson, row.contactPersonId),
  };
  const forms = cache?.topicForms(manager) ?? new TopicForms(manager);
  // A request whose topic left the configuration still gets its notifications, without attribute values.
  const attributes = (await forms.topic(row.topicId)) ? await storedValues(manager, forms, row, cache?.valuesOf(row.id)) : {};
  return { row, variables, attributes };
}
