import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

/**
 * A route: the processing workflow of the topics bound to it. Its content lives in versions; the route
 * itself holds what does not change from version to version.
 */
@Entity('routes')
export class Route {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_routes_code', { unique: true })
  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description!: string | null;

  /** An inactive route starts no new requests; requests already on it go on. */
  @Column({ default: true })
  active!: boolean;

  /** Topics whose new requests start on this route's published version; a topic has at most one active route. */
  @Column({ type: 'simple-json' })
  topicIds!: number[];

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
