import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An external organisation that can receive work orders. */
@Entity('partners')
@Index('UQ_partners_code', ['code'], { unique: true })
@Index('IDX_partners_search_name', ['searchName'])
export class Partner {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 64 })
  code!: string;

  @Column({ length: 300 })
  name!: string;

  @Column({ length: 300 })
  searchName!: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  description!: string;

  @Column({ default: true })
  active!: boolean;
}
