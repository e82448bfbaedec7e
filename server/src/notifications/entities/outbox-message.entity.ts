import { Column, Entity, Index } from 'typeorm';
import { LeasedRow } from '../../scheduler/entities/leased-row';

/**
 * A mail waiting to be sent, written in the transaction of the event that caused it. One row per
 * (event, recipient): the unique key is what makes "at most once" hold when an event is replayed.
 */
@Entity('outbox_messages')
@Index('UQ_outbox_messages_event_recipient', ['eventKey', 'recipient'], { unique: true })
@Index('IDX_outbox_messages_due', ['state', 'dueAt'])
@Index('IDX_outbox_messages_lease', ['state', 'leaseUntil'])
// Mail intake finds the request a reply answers by the Message-ID it names.
@Index('IDX_outbox_messages_messageId', ['messageId'])
export class OutboxMessage extends LeasedRow {
  @Column({ length: 128 })
  eventKey!: string;

  @Column({ length: 191 })
  recipient!: string;

  @Column({ length: 255 })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', nullable: true })
  html!: string | null;

  /** Stable for the row, so a resend after a crash is recognisably the same message. */
  @Column({ length: 191 })
  messageId!: string;

  /** Message-IDs this mail answers, for threading (In-Reply-To is the last one). */
  @Column({ type: 'simple-json' })
  references!: string[];
}
