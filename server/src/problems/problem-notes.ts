import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import type { NotificationEvents } from '../notifications/notification-events';
import { Comment } from '../requests/entities/comment.entity';
import type { CustomerRequest } from '../requests/entities/customer-request.entity';
import { Discussion } from '../requests/entities/discussion.entity';
import type { Problem } from './entities/problem.entity';

const HEADINGS = { knownSolution: 'Solution', workaround: 'Workaround' } as const;

/**
 * Writes a problem's new solution or workaround into the request's discussion with the customer (opened
 * for it when the request has none yet), so the customer reads it where they read everything else.
 */
export async function tellCustomer(manager: EntityManager, actor: Principal, request: CustomerRequest, problem: Problem, fields: (keyof typeof HEADINGS)[], now: Date, events: NotificationEvents): Promise<Comment> {
  let discussion = await manager.findOne(Discussion, { where: { requestId: request.id, visibility: 'customer' }, order: { id: 'ASC' } });
  if (!discussion) {
    discussion = manager.create(Discussion, { requestId: request.id, title: `Problem ${problem.number}`, visibility: 'customer', createdById: actor.userId, createdAt: now });
    await manager.save(discussion);
  }
  // The texts are sanitised HTML already; the headings are fixed words.
  const body = fields.map((field) => `<p><b>${HEADINGS[field]} (${problem.number}):</b></p>${problem[field] ?? ''}`).join('');
  const comment = manager.create(Comment, { discussionId: discussion.id, requestId: request.id, authorId: actor.userId, authorLogin: actor.login, body, mentions: [], createdAt: now });
  await manager.save(comment);
  await events.commentAdded(manager, comment, now);
  return comment;
}
