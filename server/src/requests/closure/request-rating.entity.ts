import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

/** How a resolved request was closed by its customer's side: a rating from 1 to 5, or no answer in time. */
@Entity('request_ratings')
@Index('IDX_request_ratings_request', ['requestId'])
export class RequestRating {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  requestId!: number;

  /** 1 (poor) to 5 (excellent); null when the request closed by timeout. */
  @Column({ type: 'smallint', nullable: true })
  rating!: number | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ default: false })
  byTimeout!: boolean;

  /** Who confirmed: staff on the customer's behalf or the customer through the portal; null for the timer. */
  @Column({ type: 'int', nullable: true })
  actorId!: number | null;

  @InstantColumn()
  createdAt!: Date;
}
