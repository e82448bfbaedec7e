import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/timestamps';
import type { ExtractionStatus } from './extraction/extract-text';

export const ATTACHMENT_OWNERS = ['request', 'comment', 'client'] as const;
export type AttachmentOwner = (typeof ATTACHMENT_OWNERS)[number];

/**
 * A file attached to a request, a comment or a client. The bytes live in the blob store under
 * `storageKey`; `requestId`/`clientId` say whose access rules apply. Deleting is soft (`deletedAt`) until the daily purge (attachment-purge.ts).
 */
@Entity('attachments')
@Index('IDX_attachments_owner', ['ownerType', 'ownerId'])
@Index('IDX_attachments_request', ['requestId'])
@Index('IDX_attachments_client', ['clientId'])
@Index('IDX_attachments_deleted', ['deletedAt'])
export class Attachment {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  ownerType!: AttachmentOwner;

  @Column({ type: 'int' })
  ownerId!: number;

  @Column({ type: 'int', nullable: true })
  requestId!: number | null;

  @Column({ type: 'int', nullable: true })
  clientId!: number | null;

  @Column({ length: 255 })
  fileName!: string;

  /** What the uploader said the file is; `contentType` is what the bytes are, and what downloads carry. */
  @Column({ length: 127 })
  declaredType!: string;

  @Column({ length: 127 })
  contentType!: string;

  @Column({ type: 'int' })
  size!: number;

  @Column({ length: 64 })
  sha256!: string;

  @Column({ length: 200 })
  storageKey!: string;

  @Column({ type: 'simple-json' })
  attributes!: Record<string, string>;

  @Column({ type: 'varchar', length: 16 })
  textStatus!: ExtractionStatus | 'pending';

  @Column({ type: 'int', default: 0 })
  textLength!: number;

  @Column({ length: 64 })
  scannedBy!: string;

  @Column({ type: 'int', nullable: true })
  createdById!: number | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  deletedAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  deletedById!: number | null;
}
