import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import type { Comment } from '../requests/entities/comment.entity';
import { Discussion } from '../requests/entities/discussion.entity';
import { dispatchNotification, notifyRequestChanged, type NotificationEvent, type RequestState } from './notification-dispatch';
import { plainText } from './plain-text';


/** The one place request events become notifications; services call it inside their transaction. */
@Injectable()
export class NotificationEvents {
  private readonly mailDomain: string;

  constructor(@Inject(DOCKET_CONFIG) config: DocketConfig) {
    this.mailDomain = config.mail.domain;
  }

  emit(manager: EntityManager, event: NotificationEvent, now: Date): Promise<void> {
    return dispatchNotification(manager, event, now, this.mailDomain);
  }

  /** After a change to a request row: a new assignee, a new status, resolution or closure. */
  requestChanged(manager: EntityManager, before: RequestState, after: RequestState, actor: { userId: number } | null, now: Date): Promise<void> {
    return notifyRequestChanged(manager, before, after, actor, now, this.mailDomain);
  }

  async commentAdded(manager: EntityManager, comment: Comment, now: Date): Promise<void> {
    const discussion = await manager.findOneBy(Discussion, { id: comment.discussionId });
    const author = comment.authorId === null ? null : await manager.findOne(User, { where: { id: comment.authorId }, select: { id: true, name: true } });
    await this.emit(
      manager,
      {
        type: 'comment.added',
        requestId: comment.requestId,
        key: String(comment.id),
        actorId: comment.authorId,
        comment: { text: plainText(comment.body), author: author?.name ?? comment.authorLogin, discussion: discussion ? plainText(discussion.title) : '', customerVisible: discussion?.visibility === 'customer' },
      },
      now,
    );
  }
}
