import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One value of a dictionary; `code` is unique within its dictionary, `parentId` places it in the tree. */
@Entity('dictionary_items')
@Index('UQ_dictionary_items_dictionary_code', ['dictionaryId', 'code'], { unique: true })
@Index('IDX_dictionary_items_parent', ['parentId'])
export class DictionaryItem {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  dictionaryId!: number;

  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ type: 'int', nullable: true })
  parentId!: number | null;

  @Column({ default: true })
  active!: boolean;

  @Column({ type: 'int', default: 0 })
  position!: number;
}
