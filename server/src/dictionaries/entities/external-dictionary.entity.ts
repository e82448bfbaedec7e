import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';
import type { ExternalSource } from '../external/external-source';

/**
 * A value list read from another system. Its items are cached in `external_dictionary_items` (shared by
 * every server process and kept across restarts, so a stale copy can be served while the source is down).
 */
@Entity('external_dictionaries')
export class ExternalDictionary {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_external_dictionaries_code', { unique: true })
  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ type: 'simple-json' })
  source!: ExternalSource;

  @Column({ type: 'int', default: 3600 })
  ttlSeconds!: number;

  @Column({ default: true })
  active!: boolean;

  @Column({ type: 'int', default: 0 })
  position!: number;

  /** When the cached items were last read successfully; null until the first success. */
  @InstantColumn({ nullable: true })
  fetchedAt!: Date | null;

  @InstantColumn({ nullable: true })
  lastAttemptAt!: Date | null;

  /** Why the last read failed; cleared by the next success. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;
}
