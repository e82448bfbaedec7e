import { Column, Index, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';
import type { Permission } from '../permissions';

/** A token an external system presents; it acts as `userId`, limited to `scopes`. Only its hash is kept. */
@Entity('api_tokens')
export class ApiToken {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 200 })
  name!: string;

  /** The first characters of the secret, shown in lists so an administrator can tell tokens apart. */
  @Column({ length: 16 })
  prefix!: string;

  @Index('UQ_api_tokens_tokenHash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'int' })
  userId!: number;

  @Column({ type: 'simple-json' })
  scopes!: Permission[];

  @Column({ type: 'int', nullable: true })
  createdById!: number | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  expiresAt!: Date | null;

  @InstantColumn({ nullable: true })
  revokedAt!: Date | null;

  @InstantColumn({ nullable: true })
  lastUsedAt!: Date | null;
}
