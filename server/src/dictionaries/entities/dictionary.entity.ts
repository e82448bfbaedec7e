import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An admin-maintained value list; its items may form a tree. */
@Entity('dictionaries')
export class Dictionary {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_dictionaries_code', { unique: true })
  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  description!: string;

  @Column({ default: false })
  hierarchical!: boolean;

  @Column({ default: true })
  active!: boolean;

  @Column({ type: 'int', default: 0 })
  position!: number;
}
