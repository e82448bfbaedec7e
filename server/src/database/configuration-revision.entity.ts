import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The single row counting configuration changes (see configuration-cache.ts). */
@Entity('configuration_revision')
export class ConfigurationRevision {
  @PrimaryColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  revision!: number;
}
