import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../../database/timestamps';
import type { WorkOrderStatus } from '../work-order-status';

/** A task given to a partner organisation on behalf of a request, tracked to its end. */
@Entity('work_orders')
@Index('IDX_work_orders_request', ['requestId'])
@Index('IDX_work_orders_partner_status', ['partnerId', 'status'])
export class WorkOrder {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  requestId!: number;

  @Column({ type: 'int' })
  partnerId!: number;

  @Column({ length: 300 })
  subject!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: WorkOrderStatus;

  @InstantColumn({ nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  createdById!: number | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;

  /** Compared in `UPDATE … WHERE id = ? AND version = ?`, as for requests. */
  @Column({ type: 'int', default: 1 })
  version!: number;
}
