import { Column, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

/**
 * The key and typed columns of one value of one dynamic attribute of a request (`ord` numbers the values of a
 * multiple-choice one): live values and archived values are stored alike, each in its own table.
 */
export abstract class TypedValueColumns {
  @PrimaryColumn({ type: 'int' })
  requestId!: number;

  @PrimaryColumn({ type: 'int' })
  attributeId!: number;

  @PrimaryColumn({ type: 'smallint' })
  ord!: number;

  @Column({ type: 'varchar', length: 191, nullable: true })
  valueString!: string | null;

  @Column({ type: 'text', nullable: true })
  valueText!: string | null;

  @Column({ type: 'decimal', precision: 20, scale: 6, nullable: true })
  valueNumber!: number | null;

  @InstantColumn({ nullable: true })
  valueInstant!: Date | null;
}
