import type { EntityManager } from 'typeorm';
import { CustomerRequest } from '../entities/customer-request.entity';
import type { TopicForms } from './request-context';

export interface RelativeView {
  id: number;
  number: string;
  status: string;
  isOpen: boolean;
  resolution: string | null;
  childKey: string | null;
  topic: { code: string; name: string } | null;
}

/**
 * A request's parent and children as its card lists them: number, status and topic only, so a relative in a
 * queue the reader does not work shows no more than that it exists and how far it is.
 */
export async function familyOf(manager: EntityManager, forms: TopicForms, request: CustomerRequest): Promise<{ parent: RelativeView | null; children: RelativeView[] }> {
  const select = { id: true, number: true, status: true, isOpen: true, resolution: true, childKey: true, topicId: true } as const;
  const [parent, children] = await Promise.all([
    request.parentId === null ? null : manager.findOne(CustomerRequest, { select, where: { id: request.parentId } }),
    manager.find(CustomerRequest, { select, where: { parentId: request.id }, order: { id: 'ASC' } }),
  ]);
  const view = async (relative: CustomerRequest): Promise<RelativeView> => {
    const topic = await forms.topic(relative.topicId);
    return { id: relative.id, number: relative.number, status: relative.status, isOpen: relative.isOpen, resolution: relative.resolution, childKey: relative.childKey, topic: topic ? { code: topic.code, name: topic.name } : null };
  };
  return { parent: parent ? await view(parent) : null, children: await Promise.all(children.map(view)) };
}
