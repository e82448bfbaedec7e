import type { EntityManager } from 'typeorm';
import { hydrator } from '../../database/plain-rows';
import { CustomerRequest } from '../entities/customer-request.entity';
import type { TopicForms } from '../processing/request-context';

export interface RelativeView {
  id: number;
  number: string;
  status: string;
  isOpen: boolean;
  resolution: string | null;
  childKey: string | null;
  topic: { code: string; name: string } | null;
}

const RELATIVE_PROPERTIES = ['id', 'number', 'status', 'isOpen', 'resolution', 'childKey', 'topicId', 'parentId'] as const;

/**
 * A request's parent and children as its card lists them: number, status and topic only, so a relative in a
 * queue the reader does not work shows no more than that it exists and how far it is. One read for both.
 */
export async function familyOf(manager: EntityManager, forms: TopicForms, request: Pick<CustomerRequest, 'id' | 'parentId'>): Promise<{ parent: RelativeView | null; children: RelativeView[] }> {
  const hydrate = hydrator(manager, CustomerRequest, RELATIVE_PROPERTIES);
  const quote = (name: string) => manager.connection.driver.escape(name);
  const withParent = request.parentId !== null;
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${RELATIVE_PROPERTIES.map(quote).join(', ')} FROM requests WHERE parentId = ?${withParent ? ' OR id = ?' : ''} ORDER BY id`,
    withParent ? [request.id, request.parentId] : [request.id],
  );
  const relatives = rows.map(hydrate);
  const view = async (relative: (typeof relatives)[number]): Promise<RelativeView> => {
    const topic = await forms.topic(relative.topicId);
    return { id: relative.id, number: relative.number, status: relative.status, isOpen: relative.isOpen, resolution: relative.resolution, childKey: relative.childKey, topic: topic ? { code: topic.code, name: topic.name } : null };
  };
  const parent = relatives.find((relative) => relative.id === request.parentId);
  return { parent: parent ? await view(parent) : null, children: await Promise.all(relatives.filter((relative) => relative.parentId === request.id).map(view)) };
}
