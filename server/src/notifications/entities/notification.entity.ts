import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

/**
 * One in-app notification, written in the transaction of the event. The unique (user, event key) makes a
 * replayed event add nothing; the id orders the stream, which polls for rows above the last id it sent.
 */
@Entity('notifications')
@Index('UQ_notifications_user_event_key', ['userId', 'eventKey'], { unique: true })
@Index('IDX_notifications_user_read', ['userId', 'readAt'])
export class Notification {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  userId!: number;

  @Column({ length: 64 })
  event!: string;

  @Column({ length: 128 })
  eventKey!: string;

  @Column({ type: 'int', nullable: true })
  requestId!: number | null;

  @Column({ length: 255 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** Null while unread. */
  @InstantColumn({ nullable: true })
  readAt!: Date | null;

  @InstantColumn()
  createdAt!: Date;
}
