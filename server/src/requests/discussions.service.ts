import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest, notFound } from '../common/docket-error';
import { NotificationEvents } from '../notifications/notification-events';
import { mentionsIn, sanitizePlainText, sanitizeRichText } from './domain/rich-text';
import type { CreateCommentDto, CreateDiscussionDto } from './dto/requests.dto';
import { Comment } from './entities/comment.entity';
import { Discussion } from './entities/discussion.entity';
import { Idempotency } from './processing/idempotency';
import { workableRequest } from './processing/request-access';
import { indexComment } from '../search/search-index';

const CUSTOMER_DISCUSSION_TITLE = 'Customer';

/** Discussions on a request and their comments; staff who work the request write them. */
@Injectable()
export class DiscussionsService {
  private readonly idempotency: Idempotency;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationEvents,
  ) {
    this.idempotency = new Idempotency(dataSource);
  }

  open(actor: Principal, requestId: number, body: CreateDiscussionDto, idempotencyKey: string | undefined, now = new Date()): Promise<Discussion> {
    return this.idempotency.run(actor, idempotencyKey, { method: 'POST', path: `/api/requests/${requestId}/discussions`, body, status: 201 }, async (manager) => {
      await workableRequest(manager, actor, requestId);
      const title = sanitizePlainText(body.title);
      if (!title) throw badRequest('invalid_discussion', 'The discussion is not valid', [{ path: 'title', message: 'is empty once markup is removed' }]);
      const discussion = manager.create(Discussion, { requestId, title, visibility: body.visibility, createdById: actor.userId, createdAt: now });
      await manager.save(discussion);
      await this.audit.record(manager, actor, { entityType: 'request', entityId: requestId, action: 'discussion', changes: [{ field: 'discussion', old: null, new: { id: discussion.id, title, visibility: body.visibility } }] }, now);
      return discussion;
    });
  }

  comment(actor: Principal, requestId: number, discussionId: number, body: CreateCommentDto, idempotencyKey: string | undefined, now = new Date()): Promise<Comment> {
    return this.idempotency.run(actor, idempotencyKey, { method: 'POST', path: `/api/requests/${requestId}/discussions/${discussionId}/comments`, body, status: 201 }, async (manager) => {
      await workableRequest(manager, actor, requestId);
      if (!(await manager.existsBy(Discussion, { id: discussionId, requestId }))) throw notFound('Discussion', discussionId);
      return this.write(manager, actor, requestId, discussionId, body, now);
    });
  }

  /**
   * Writes a comment into a discussion the caller has already checked access to (staff above, the portal and
   * mail intake for customers). `author` is who wrote it when that is not the actor: a customer's mail has a
   * sender, often without an account, and is journalled under the mailbox's user.
   */
  async write(manager: EntityManager, actor: Pick<Principal, 'userId' | 'login'>, requestId: number, discussionId: number, body: CreateCommentDto, now: Date, author: { userId: number | null; login: string } = actor): Promise<Comment> {
    const html = sanitizeRichText(body.body);
    if (!html) throw badRequest('invalid_comment', 'The comment is not valid', [{ path: 'body', message: 'is empty once unsafe markup is removed' }]);
    const comment = manager.create(Comment, { discussionId, requestId, authorId: author.userId, authorLogin: author.login.slice(0, 64), body: html, mentions: mentionsIn(html), createdAt: now });
    await manager.save(comment);
    await indexComment(manager, comment);
    await this.audit.record(manager, actor, { entityType: 'request', entityId: requestId, action: 'comment', changes: [{ field: 'comment', old: null, new: { id: comment.id, discussionId } }] }, now);
    await this.notifications.commentAdded(manager, comment, now);
    return comment;
  }

  /** The request's discussion with its customer, opened when staff have not opened one: where customers' comments go. */
  async customerDiscussion(manager: EntityManager, actor: Pick<Principal, 'userId' | 'login'>, requestId: number, now: Date): Promise<number> {
    const [existing] = await manager.find(Discussion, { where: { requestId, visibility: 'customer' }, order: { id: 'ASC' }, take: 1 });
    if (existing) return existing.id;
    const discussion = manager.create(Discussion, { requestId, title: CUSTOMER_DISCUSSION_TITLE, visibility: 'customer', createdById: actor.userId, createdAt: now });
    await manager.save(discussion);
    await this.audit.record(manager, actor, { entityType: 'request', entityId: requestId, action: 'discussion', changes: [{ field: 'discussion', old: null, new: { id: discussion.id, title: discussion.title, visibility: 'customer' } }] }, now);
    return discussion.id;
  }
}
