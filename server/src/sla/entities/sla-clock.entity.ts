import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ClockState } from '../../../../rules/index';
import { InstantColumn } from '../../database/timestamps';

/** The state of one clock as last computed from the ledger: what timers and lists read. */
@Entity('sla_clocks')
@Index('UQ_sla_clocks_request_clock', ['requestId', 'clock'], { unique: true })
@Index('IDX_sla_clocks_state_deadline', ['state', 'deadline'])
export class SlaClock {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  requestId!: number;

  @Column({ length: 160 })
  clock!: string;

  @Column({ type: 'int' })
  policyId!: number;

  @Column({ type: 'varchar', length: 16 })
  state!: ClockState;

  /** The priority whose target applies now (the request's, unless a what-if or a late event says otherwise). */
  @Column({ type: 'smallint', nullable: true })
  priority!: number | null;

  @InstantColumn({ nullable: true })
  deadline!: Date | null;

  @InstantColumn({ nullable: true })
  warningAt!: Date | null;

  /** The ledger entry the state was computed up to. */
  @Column({ type: 'int' })
  revision!: number;

  @InstantColumn()
  updatedAt!: Date;
}
