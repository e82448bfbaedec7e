import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../../database/timestamps';

export const LINK_KINDS = ['duplicateOf', 'relatedTo'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** A request's link to another: `requestId` is a duplicate of, or related to, `linkedRequestId`. Both cards show it. */
@Entity('request_links')
@Index('UQ_request_links_pair', ['requestId', 'linkedRequestId', 'kind'], { unique: true })
@Index('IDX_request_links_linked', ['linkedRequestId'])
export class RequestLink {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  requestId!: number;

  @Column({ type: 'int' })
  linkedRequestId!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: LinkKind;

  @Column({ type: 'int', nullable: true })
  createdById!: number | null;

  @InstantColumn()
  createdAt!: Date;
}
