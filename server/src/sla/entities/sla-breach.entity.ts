import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

export type BreachKind = 'warning' | 'breach';

/**
 * A warning or breach of one clock's deadline, with the request's queue, assignee and topic as they
 * were then. One row per (request, clock, kind, deadline): a replayed timer finds it and does nothing.
 */
@Entity('sla_breaches')
@Index('UQ_sla_breaches_event', ['requestId', 'clock', 'kind', 'deadline'], { unique: true })
@Index('IDX_sla_breaches_kind_closed', ['kind', 'closedAt', 'occurredAt'])
export class SlaBreach {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  requestId!: number;

  @Column({ length: 160 })
  clock!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: BreachKind;

  @InstantColumn()
  deadline!: Date;

  @InstantColumn()
  occurredAt!: Date;

  @Column({ type: 'int' })
  policyId!: number;

  @Column({ type: 'smallint' })
  priority!: number;

  @Column({ type: 'int', nullable: true })
  queueId!: number | null;

  @Column({ type: 'int', nullable: true })
  assigneeId!: number | null;

  @Column({ type: 'int' })
  topicId!: number;

  /** When the clock stopped or restarted: a breach without it is current. */
  @InstantColumn({ nullable: true })
  closedAt!: Date | null;
}
