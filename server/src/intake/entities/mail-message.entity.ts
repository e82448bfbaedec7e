import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

export const MAIL_OUTCOMES = ['request', 'comment', 'ignored', 'failed'] as const;
export type MailOutcome = (typeof MAIL_OUTCOMES)[number];

/**
 * A message a mailbox has handled, by Message-ID: written in the transaction of its effect, so the unique key
 * makes a message seen again (a re-poll, a second process, a UIDVALIDITY reset) act once. A message that
 * failed is kept too, with why, and is not tried again.
 */
@Entity('mail_messages')
@Index('UQ_mail_messages_key', ['mailboxId', 'messageKey'], { unique: true })
export class MailMessage {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  mailboxId!: number;

  /** The Message-ID, or a digest of the message when it has none (or one too long to index). */
  @Column({ length: 255 })
  messageKey!: string;

  @Column({ type: 'int' })
  uid!: number;

  @Column({ type: 'varchar', length: 16 })
  outcome!: MailOutcome;

  @Column({ type: 'int', nullable: true })
  requestId!: number | null;

  @Column({ type: 'int', nullable: true })
  commentId!: number | null;

  /** Why it failed or was ignored, and what of it was not kept (an attachment over the limit). */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  detail!: string | null;

  @InstantColumn()
  createdAt!: Date;
}
