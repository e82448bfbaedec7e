import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { WorkCalendar } from '../../../../rules/index';
import { InstantColumn } from '../../database/timestamps';

/** A business calendar (24x7, office hours, …): its description is data read by the rule engine's calendar code. */
@Entity('sla_calendars')
export class SlaCalendar {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_sla_calendars_code', { unique: true })
  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ type: 'simple-json' })
  definition!: WorkCalendar;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
