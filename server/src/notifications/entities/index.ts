import { OutboxAttachment } from './outbox-attachment.entity';
import { NotificationPreference } from './notification-preference.entity';
import { NotificationTemplate } from './notification-template.entity';
import { Notification } from './notification.entity';
import { StreamTicket } from './stream-ticket.entity';

export const NOTIFICATION_ENTITIES = [NotificationTemplate, Notification, NotificationPreference, StreamTicket, OutboxAttachment];
