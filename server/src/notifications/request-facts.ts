import type { EntityManager } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { Client } from '../directory/entities/client.entity';
import { ContactPerson } from '../directory/entities/contact-person.entity';
import { Queue } from '../queues/queue.entity';
import { CustomerRequest } from '../requests/entities/customer-request.entity';
import { storedValues, TopicForms } from '../requests/processing/request-context';
import { plainText } from './plain-text';

/** What every template of one request may say about it, read once per event. */
export interface RequestFacts {
  row: CustomerRequest;
  variables: Record<string, unknown>;
  attributes: Record<string, unknown>;
}

export async function requestFacts(manager: EntityManager, requestId: number): Promise<RequestFacts | null> {
  const row = await manager.findOneBy(CustomerRequest, { id: requestId });
  if (!row) return null;
  const nameOf = async (entity: new () => { name: string }, id: number | null): Promise<string> =>
    id === null ? '' : (((await manager.createQueryBuilder().select('e.name', 'name').from(entity, 'e').where('e.id = :id', { id }).getRawOne()) as { name?: string } | undefined)?.name ?? '');
  const variables = {
    id: row.id,
    number: row.number,
    subject: plainText(row.subject),
    status: row.status,
    priority: row.priority,
    type: row.type,
    resolution: row.resolution,
    queue: await nameOf(Queue, row.queueId),
    assignee: await nameOf(User, row.assigneeId),
    client: await nameOf(Client, row.clientId),
    contactPerson: await nameOf(ContactPerson, row.contactPersonId),
  };
  const forms = new TopicForms(manager);
  // A request whose topic left the configuration still gets its notifications, without attribute values.
  const attributes = (await forms.topic(row.topicId)) ? await storedValues(manager, forms, row) : {};
  return { row, variables, attributes };
}
