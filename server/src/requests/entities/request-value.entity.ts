import { Column, Entity, Index } from 'typeorm';
import { TypedValueColumns } from './typed-value-columns';

/**
 * One value of one dynamic attribute of a request (`ord` numbers the values of a multiple-choice one).
 * `queueId` and `isOpen` repeat the request's, so that "open requests of queue Q whose attribute A …"
 * is one index range instead of a probe per request: the price is updating these rows when a request
 * changes queue or closes.
 */
@Entity('request_values')
@Index('IDX_request_values_string', ['attributeId', 'queueId', 'isOpen', 'valueString', 'requestId'])
@Index('IDX_request_values_number', ['attributeId', 'queueId', 'isOpen', 'valueNumber', 'requestId'])
@Index('IDX_request_values_instant', ['attributeId', 'queueId', 'isOpen', 'valueInstant', 'requestId'])
export class RequestValue extends TypedValueColumns {
  @Column({ type: 'int', nullable: true })
  queueId!: number | null;

  @Column()
  isOpen!: boolean;
}
