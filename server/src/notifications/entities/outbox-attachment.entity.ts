import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A file sent with every mail of one event, written in the event's transaction with its outbox messages.
 * The bytes are kept as base64 in parts of at most PART_CHARS, so any part fits a TEXT column on both databases.
 */
@Entity('outbox_attachments')
@Index('UQ_outbox_attachments_part', ['eventKey', 'filename', 'part'], { unique: true })
export class OutboxAttachment {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 128 })
  eventKey!: string;

  @Column({ length: 191 })
  filename!: string;

  @Column({ length: 128 })
  contentType!: string;

  @Column({ type: 'int' })
  part!: number;

  @Column({ type: 'text' })
  content!: string;
}
