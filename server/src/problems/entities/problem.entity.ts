import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';
import type { ProblemStatus } from '../problem-status';


/** The cause of one or more incidents; a mass problem links many requests and resolves them together. */
@Entity('problems')
@Index('UQ_problems_number', ['number'], { unique: true })
@Index('IDX_problems_status', ['status'])
export class Problem {
  @PrimaryGeneratedColumn()
  id!: number;

  /** `PRB-2026-000012`. */
  @Column({ length: 32 })
  number!: string;

  @Column({ length: 500 })
  subject!: string;

  /** Sanitised HTML. */
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: ProblemStatus;

  @Column({ type: 'text', nullable: true })
  knownSolution!: string | null;

  @Column({ type: 'text', nullable: true })
  workaround!: string | null;

  @Column({ default: false })
  isMass!: boolean;

  @Column({ type: 'int', nullable: true })
  createdById!: number | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;

  @InstantColumn({ nullable: true })
  resolvedAt!: Date | null;
}
