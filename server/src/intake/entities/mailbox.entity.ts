import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

/**
 * An IMAP mailbox Docket reads mail from. Polling is incremental: `lastUid` is the highest UID handled under
 * `uidValidity`; when the server announces another UIDVALIDITY the folder is read again from the start and
 * the Message-IDs already handled (mail_messages) keep anything from acting twice.
 */
@Entity('mailboxes')
@Index('UQ_mailboxes_code', ['code'], { unique: true })
export class Mailbox {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ length: 255 })
  host!: string;

  @Column({ type: 'int' })
  port!: number;

  @Column()
  tls!: boolean;

  @Column({ length: 255 })
  username!: string;

  /** Sealed with the installation's secret key (SecretBox, purpose MAILBOX_PASSWORD); never answered by the API. */
  @Column({ type: 'text', select: false })
  password!: string;

  @Column({ length: 255, default: 'INBOX' })
  folder!: string;

  @Column({ default: true })
  active!: boolean;

  @Column({ type: 'int' })
  topicId!: number;

  @Column({ type: 'int', nullable: true })
  queueId!: number | null;

  @Column({ type: 'int', nullable: true })
  channelId!: number | null;

  @Column({ type: 'int', nullable: true })
  directionId!: number | null;

  /** The user mail from this mailbox is registered as (the contact's operator, the journal's actor), as an API token acts as a user. */
  @Column({ type: 'int' })
  operatorId!: number;

  @Column({ type: 'int', default: 60 })
  pollSeconds!: number;

  @Column({ type: 'varchar', length: 32, nullable: true })
  uidValidity!: string | null;

  @Column({ type: 'int', default: 0 })
  lastUid!: number;

  @InstantColumn({ nullable: true })
  lastPolledAt!: Date | null;

  /** Why the last poll could not read the mailbox; null after a poll that could. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}

/** The purpose a mailbox password is sealed for. */
export const MAILBOX_PASSWORD = 'mailbox.password';
