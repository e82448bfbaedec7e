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
type RelativeRow = Pick<CustomerRequest, (typeof RELATIVE_PROPERTIES)[number]>;

/**
 * How a card names another request (a relative, a linked request): number, status and topic only, so one in a
 * queue the reader does not work shows no more than that it exists and how far it is. `columns(alias)` is the
 * select list of plain SQL over `requests` under that alias; `view` turns such a row into the RelativeView.
 */
export function relativeRows(manager: EntityManager, forms: TopicForms) {
  const hydrate = hydrator(manager, CustomerRequest, RELATIVE_PROPERTIES);
  const quote = (name: string) => manager.connection.driver.escape(name);
  return {
    columns: (alias: string) => RELATIVE_PROPERTIES.map((property) => `${quote(alias)}.${quote(property)} AS ${quote(property)}`).join(', '),
    hydrate: (raw: Record<string, unknown>): RelativeRow => hydrate(raw),
    view: async (relative: RelativeRow): Promise<RelativeView> => {
      const topic = await forms.topic(relative.topicId);
      return { id: relative.id, number: relative.number, status: relative.status, isOpen: relative.isOpen, resolution: relative.resolution, childKey: relative.childKey, topic: topic ? { code: topic.code, name: topic.name } : null };
    },
  };
}

/** A request's parent and children as its card lists them (see relativeRows). One read for both. */
export async function familyOf(manager: EntityManager, forms: TopicForms, request: Pick<CustomerRequest, 'id' | 'parentId'>): Promise<{ parent: RelativeView | null; children: RelativeView[] }> {
  const rows = relativeRows(manager, forms);
  const withParent = request.parentId !== null;
  const raw: Record<string, unknown>[] = await manager.query(`SELECT ${rows.columns('r')} FROM requests r WHERE r.parentId = ?${withParent ? ' OR r.id = ?' : ''} ORDER BY r.id`, withParent ? [request.id, request.parentId] : [request.id]);
  const relatives = raw.map(rows.hydrate);
  const parent = relatives.find((relative) => relative.id === request.parentId);
  return { parent: parent ? await rows.view(parent) : null, children: await Promise.all(relatives.filter((relative) => relative.parentId === request.id).map(rows.view)) };
}
