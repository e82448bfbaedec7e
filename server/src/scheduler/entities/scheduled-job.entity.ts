import { Column, Entity, Index } from 'typeorm';
import { LeasedRow } from './leased-row';

/**
 * A timer: SLA warning or breach, auto-close, archive run, report, mailbox poll. Timers are rows, so a
 * restart loses none, and `dedupeKey` makes scheduling the same timer twice a no-op.
 */
@Entity('scheduled_jobs')
@Index('UQ_scheduled_jobs_dedupeKey', ['dedupeKey'], { unique: true })
@Index('IDX_scheduled_jobs_due', ['state', 'dueAt'])
@Index('IDX_scheduled_jobs_lease', ['state', 'leaseUntil'])
@Index('IDX_scheduled_jobs_subject', ['subjectType', 'subjectId'])
export class ScheduledJob extends LeasedRow {
  @Column({ length: 64 })
  kind!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  subjectType!: string | null;

  @Column({ type: 'int', nullable: true })
  subjectId!: number | null;

  @Column({ length: 191 })
  dedupeKey!: string;

  @Column({ type: 'simple-json', nullable: true })
  payload!: Record<string, unknown> | null;
}
