import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ClockEventType } from '../../../../rules/index';
import { InstantColumn } from '../../database/timestamps';

/**
 * One event of one SLA clock of a request, append-only: the deadline is always recomputed from these
 * rows, so it can be explained and recomputed without losing history.
 */
@Entity('sla_ledger')
@Index('IDX_sla_ledger_request', ['requestId', 'clock'])
export class SlaLedgerEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  requestId!: number;

  /** 'reaction', 'resolution' or 'step:<step id>'. */
  @Column({ length: 160 })
  clock!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: ClockEventType;

  @InstantColumn()
  at!: Date;

  @Column({ type: 'int', nullable: true })
  policyId!: number | null;

  @Column({ type: 'smallint', nullable: true })
  priority!: number | null;

  @Column({ type: 'int', nullable: true })
  calendarId!: number | null;

  /** A deadline set by hand. */
  @InstantColumn({ nullable: true })
  deadline!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ type: 'int', nullable: true })
  actorId!: number | null;
}
