import { Column, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

export type LeaseState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

/**
 * Columns shared by every table worked off by several server processes (timers, the mail outbox):
 * a row is due at `dueAt`, claimed by one `owner` until `leaseUntil`, and claimable again if that
 * owner dies before finishing it.
 */
export abstract class LeasedRow {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 16 })
  state!: LeaseState;

  @InstantColumn()
  dueAt!: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  owner!: string | null;

  @InstantColumn({ nullable: true })
  leaseUntil!: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn({ nullable: true })
  finishedAt!: Date | null;
}
