import { Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../../database/timestamps';

/** A user following a request (the `watched` list view); one row per pair, so watching twice changes nothing. */
@Entity('request_watchers')
@Index('IDX_request_watchers_user', ['userId'])
export class RequestWatcher {
  @PrimaryColumn({ type: 'int' })
  requestId!: number;

  @PrimaryColumn({ type: 'int' })
  userId!: number;

  @InstantColumn()
  createdAt!: Date;
}
