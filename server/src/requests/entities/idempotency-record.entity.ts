import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

/**
 * A mutating call made with an `Idempotency-Key`: written in the call's own transaction, so a retry
 * finds either nothing (the first attempt did not commit) or the response it gave.
 */
@Entity('idempotency_keys')
@Index('UQ_idempotency_keys_user_key', ['userId', 'idempotencyKey'], { unique: true })
@Index('IDX_idempotency_keys_created', ['createdAt'])
export class IdempotencyRecord {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  userId!: number;

  @Column({ length: 128 })
  idempotencyKey!: string;

  /** Hash of method, path and body: the same key with a different call is refused. */
  @Column({ length: 64 })
  fingerprint!: string;

  @Column({ type: 'int' })
  responseStatus!: number;

  @Column({ type: 'simple-json', nullable: true })
  responseBody!: unknown;

  @InstantColumn()
  createdAt!: Date;
}
