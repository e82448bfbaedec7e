import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../../database/timestamps';

/** One vertical escalation of a request: who raised it, why, and which managers were told. */
@Entity('request_escalations')
@Index('IDX_request_escalations_request', ['requestId'])
export class RequestEscalation {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  requestId!: number;

  @Column({ length: 1000 })
  reason!: string;

  @Column({ type: 'int', nullable: true })
  actorId!: number | null;

  @Column({ length: 64 })
  actorLogin!: string;

  /** The managers notified: `{userId, email}`. */
  @Column({ type: 'simple-json' })
  recipients!: { userId: number; email: string }[];

  @InstantColumn()
  createdAt!: Date;
}
