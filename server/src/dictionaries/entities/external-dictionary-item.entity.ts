import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The cached copy of one value of an external dictionary. */
@Entity('external_dictionary_items')
@Index('UQ_external_dictionary_items_code', ['externalDictionaryId', 'code'], { unique: true })
export class ExternalDictionaryItem {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  externalDictionaryId!: number;

  @Column({ length: 191 })
  code!: string;

  @Column({ length: 500 })
  name!: string;

  @Column({ type: 'varchar', length: 191, nullable: true })
  parentCode!: string | null;

  @Column({ type: 'int', default: 0 })
  position!: number;
}
