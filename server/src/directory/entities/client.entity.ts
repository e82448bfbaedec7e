import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

/** A company or a person Docket serves; a prospect is a client record not yet converted. */
@Entity('clients')
@Index('IDX_clients_search_name', ['searchName'])
@Index('IDX_clients_category', ['category'])
export class Client {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 16 })
  kind!: 'company' | 'person';

  @Column({ length: 300 })
  name!: string;

  /** The name lower-cased by JavaScript (SQLite's LOWER folds ASCII only), for case-insensitive search. */
  @Column({ length: 300 })
  searchName!: string;

  /** A client category code (e.g. BIS, VIP) that rules and SLA policies read. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  category!: string | null;

  @Column({ type: 'smallint', default: 3 })
  priority!: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  groupName!: string | null;

  /** A REGION dictionary item code. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  region!: string | null;

  @Column({ type: 'varchar', length: 1000, default: '' })
  address!: string;

  @Column({ default: false })
  prospect!: boolean;

  @Column({ default: true })
  active!: boolean;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
