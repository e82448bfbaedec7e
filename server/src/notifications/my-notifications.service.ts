import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThan, MoreThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { User } from '../auth/entities/user.entity';
import type { Principal } from '../auth/principal';
import { hashSecret, newSecret } from '../auth/secrets';
import { notFound, unauthorized } from '../common/docket-error';
import { Page, pageOf } from '../common/paging';
import { NotificationPreference } from './entities/notification-preference.entity';
import { Notification } from './entities/notification.entity';
import { StreamTicket } from './entities/stream-ticket.entity';
import type { MyNotificationsQuery, PreferencesDto } from './me.dto';
import { NOTIFICATION_EVENTS } from './template-variables';

export const STREAM_TICKET_TTL_MS = 60_000;

export interface NotificationView {
  id: number;
  event: string;
  requestId: number | null;
  title: string;
  body: string;
  read: boolean;
  readAt: Date | null;
  createdAt: Date;
}

export interface ChannelChoice {
  event: string;
  email: boolean;
  inApp: boolean;
}

export const viewOf = (row: Notification): NotificationView => ({ id: row.id, event: row.event, requestId: row.requestId, title: row.title, body: row.body, read: row.readAt !== null, readAt: row.readAt, createdAt: row.createdAt });

/**
 * A user's own notifications and channel choices. Only ever the caller's rows: every query is scoped to
 * the principal's user id, so there is nothing else to check. Marking read is not journalled: it changes
 * nothing anyone else sees.
 */
@Injectable()
export class MyNotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Principal, query: MyNotificationsQuery): Promise<Page<NotificationView> & { unread: number }> {
    const builder = this.dataSource.getRepository(Notification).createQueryBuilder('n').where('n.userId = :userId', { userId: actor.userId }).orderBy('n.id', 'DESC');
    if (query.unread) builder.andWhere('n.readAt IS NULL');
    const page = await pageOf(builder, query, (rows) => rows.map(viewOf));
    return { ...page, unread: await this.unreadCount(actor.userId) };
  }

  unreadCount(userId: number): Promise<number> {
    return this.dataSource.getRepository(Notification).countBy({ userId, readAt: IsNull() });
  }

  async markRead(actor: Principal, id: number, now = new Date()): Promise<NotificationView> {
    const repository = this.dataSource.getRepository(Notification);
    await repository.update({ id, userId: actor.userId, readAt: IsNull() }, { readAt: now });
    const row = await repository.findOneBy({ id, userId: actor.userId });
    if (!row) throw notFound('Notification', id);
    return viewOf(row);
  }

  async markAllRead(actor: Principal, now = new Date()): Promise<{ updated: number }> {
    const result = await this.dataSource.getRepository(Notification).update({ userId: actor.userId, readAt: IsNull() }, { readAt: now });
    return { updated: result.affected ?? 0 };
  }

  /** Every event with its channels; an event never chosen has both on. */
  async preferences(userId: number): Promise<ChannelChoice[]> {
    const rows = await this.dataSource.getRepository(NotificationPreference).findBy({ userId });
    return NOTIFICATION_EVENTS.map((event) => {
      const row = rows.find((candidate) => candidate.event === event);
      return { event, email: row?.email ?? true, inApp: row?.inApp ?? true };
    });
  }

  async setPreferences(actor: Principal, body: PreferencesDto, now = new Date()): Promise<ChannelChoice[]> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.preferences(actor.userId);
      for (const choice of body.preferences) {
        const existing = await manager.findOneBy(NotificationPreference, { userId: actor.userId, event: choice.event });
        await manager.save(Object.assign(existing ?? manager.create(NotificationPreference, { userId: actor.userId, event: choice.event }), { email: choice.email, inApp: choice.inApp }));
      }
      const changes = body.preferences
        .map((choice) => ({ field: `notifications.${choice.event}`, old: before.find((row) => row.event === choice.event) ?? null, new: { event: choice.event, email: choice.email, inApp: choice.inApp } }))
        .filter((change) => JSON.stringify(change.old) !== JSON.stringify(change.new));
      if (changes.length) await this.audit.record(manager, actor, { entityType: 'user', entityId: actor.userId, action: 'notificationPreferences', changes }, now);
    });
    return this.preferences(actor.userId);
  }

  /** A one-time pass to open the stream, good for a minute. Expired tickets are swept as new ones are issued. */
  async issueTicket(actor: Principal, now = new Date()): Promise<{ ticket: string; expiresAt: Date }> {
    const ticket = newSecret('dst');
    const expiresAt = new Date(now.getTime() + STREAM_TICKET_TTL_MS);
    const repository = this.dataSource.getRepository(StreamTicket);
    await repository.delete({ expiresAt: LessThan(new Date(now.getTime() - STREAM_TICKET_TTL_MS)) });
    await repository.insert({ ticketHash: hashSecret(ticket), userId: actor.userId, expiresAt, usedAt: null });
    return { ticket, expiresAt };
  }

  /** Spends a ticket: the conditional update lets exactly one redemption win, in whichever process it lands. */
  async redeemTicket(ticket: string | undefined, now = new Date()): Promise<number> {
    if (!ticket) throw unauthorized('Open the stream with a ticket from POST /api/me/notifications/stream-ticket');
    const ticketHash = hashSecret(ticket);
    const repository = this.dataSource.getRepository(StreamTicket);
    const spent = await repository.update({ ticketHash, usedAt: IsNull(), expiresAt: MoreThan(now) }, { usedAt: now });
    const row = spent.affected ? await repository.findOneBy({ ticketHash }) : null;
    const user = row ? await this.dataSource.getRepository(User).findOneBy({ id: row.userId, active: true }) : null;
    if (!user) throw unauthorized('The stream ticket is unknown, used or expired');
    return user.id;
  }

  /** The user's notifications above `afterId`, oldest first. */
  newerThan(userId: number, afterId: number, limit = 100): Promise<Notification[]> {
    return this.dataSource.getRepository(Notification).find({ where: { userId, id: MoreThan(afterId) }, order: { id: 'ASC' }, take: limit });
  }

  async lastId(userId: number): Promise<number> {
    const [row] = await this.dataSource.getRepository(Notification).find({ where: { userId }, order: { id: 'DESC' }, take: 1, select: { id: true } });
    return row?.id ?? 0;
  }
}
