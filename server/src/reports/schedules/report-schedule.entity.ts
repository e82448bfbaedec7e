import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';
import type { ExportFormat } from '../definitions/report-vocabulary';

/** A report mailed as a file to fixed recipients on a cron recurrence, run with its owner's permissions. */
@Entity('report_schedules')
@Index('IDX_report_schedules_definition', ['definitionId'])
export class ReportSchedule {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  definitionId!: number;

  @Column({ type: 'int' })
  ownerId!: number;

  @Column({ type: 'varchar', length: 8 })
  format!: ExportFormat;

  @Column({ type: 'simple-json' })
  recipients!: string[];

  /** Five fields (minute hour day month weekday), read in `timeZone`. */
  @Column({ length: 128 })
  cron!: string;

  @Column({ length: 64 })
  timeZone!: string;

  @Column({ default: true })
  active!: boolean;

  /** The occurrence the pending timer stands for; a timer for any other instant is stale and does nothing. */
  @InstantColumn({ nullable: true })
  nextRunAt!: Date | null;

  @InstantColumn({ nullable: true })
  lastRunAt!: Date | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
