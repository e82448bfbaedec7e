import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

export const VISIBILITIES = ['internal', 'customer', 'partner'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** A thread on a request, seen by staff only (`internal`), also by the customer, or also by a partner. */
@Entity('request_discussions')
@Index('IDX_request_discussions_request', ['requestId'])
export class Discussion {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  requestId!: number;

  @Column({ length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 16 })
  visibility!: Visibility;

  @Column({ type: 'int', nullable: true })
  createdById!: number | null;

  @InstantColumn()
  createdAt!: Date;
}
