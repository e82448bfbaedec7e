import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { QueryParameter } from '../dynamic-queries/query-parameters';

/** An admin-defined, read-only SELECT over Docket's allow-listed tables, run with typed, bound parameters. */
@Entity('dynamic_queries')
export class DynamicQuery {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_dynamic_queries_code', { unique: true })
  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  description!: string;

  @Column({ type: 'text' })
  sql!: string;

  @Column({ type: 'simple-json' })
  parameters!: QueryParameter[];

  /** The result column holding a value's code, and the one holding its label. */
  @Column({ length: 64 })
  valueColumn!: string;

  @Column({ length: 64 })
  labelColumn!: string;

  @Column({ type: 'int', default: 100 })
  maxRows!: number;

  @Column({ default: true })
  active!: boolean;
}
