import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RouteDefinition } from '../../../../workflows/index';
import { InstantColumn } from '../../database/timestamps';

export const VERSION_STATES = ['draft', 'published', 'retired'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

/**
 * One version of a route. A draft is edited freely; publishing freezes it for good, and the version
 * published before it is retired — still readable, since requests stay on the version they started on.
 */
@Entity('route_versions')
@Index('UQ_route_versions_route_version', ['routeId', 'version'], { unique: true })
@Index('IDX_route_versions_route_state', ['routeId', 'state'])
export class RouteVersion {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  routeId!: number;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 16 })
  state!: VersionState;

  /**
   * `json` rather than `simple-json`: a route with its diagram outgrows MariaDB's 64 KB TEXT, and `json`
   * is LONGTEXT there (TypeORM knows the alias) while SQLite stores it as text either way.
   */
  @Column({ type: 'json' })
  definition!: RouteDefinition;

  /** The BPMN the version was saved from (or generated when saved as JSON), kept as a JSON string for the same reason. */
  @Column({ type: 'json' })
  bpmn!: string;

  @Column({ length: 64 })
  createdBy!: string;

  @InstantColumn()
  createdAt!: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  updatedBy!: string | null;

  @InstantColumn()
  updatedAt!: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  publishedBy!: string | null;

  @InstantColumn({ nullable: true })
  publishedAt!: Date | null;

  @InstantColumn({ nullable: true })
  retiredAt!: Date | null;
}
