import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

/**
 * A one-time, short-lived pass for the notification stream: EventSource cannot send an Authorization header,
 * so the console trades its session for a ticket that may appear in a URL. Only its hash is stored, and it
 * lives in the database so any server process can accept a ticket another one issued.
 */
@Entity('notification_stream_tickets')
@Index('UQ_notification_stream_tickets_hash', ['ticketHash'], { unique: true })
export class StreamTicket {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 64 })
  ticketHash!: string;

  @Column({ type: 'int' })
  userId!: number;

  @InstantColumn()
  expiresAt!: Date;

  @InstantColumn({ nullable: true })
  usedAt!: Date | null;
}
