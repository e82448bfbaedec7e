import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../../database/timestamps';
import type { SavedListQuery } from '../saved-query';

/** A request list query a user stored under a name; `shared` ones are offered to every operator. */
@Entity('saved_filters')
@Index('UQ_saved_filters_user_name', ['userId', 'name'], { unique: true })
@Index('IDX_saved_filters_shared', ['shared'])
export class SavedFilter {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  userId!: number;

  @Column({ length: 100 })
  name!: string;

  @Column({ type: 'simple-json' })
  query!: SavedListQuery;

  @Column({ default: false })
  shared!: boolean;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
