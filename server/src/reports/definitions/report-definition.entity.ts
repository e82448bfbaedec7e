import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';
import type { ReportSpec } from './report-vocabulary';

/** A report as data: what to compute (report-spec.ts). Built-in ones are seeded at start and cannot be edited. */
@Entity('report_definitions')
@Index('UQ_report_definitions_code', ['code'], { unique: true })
export class ReportDefinition {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description!: string | null;

  @Column({ type: 'simple-json' })
  definition!: ReportSpec;

  @Column({ default: false })
  builtIn!: boolean;

  /** Who defined it; null for built-in ones. */
  @Column({ type: 'int', nullable: true })
  ownerId!: number | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
