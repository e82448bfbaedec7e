import { Entity, Index } from 'typeorm';
import { TypedValueColumns } from '../../entities/typed-value-columns';

/**
 * The attribute values of an archived request, moved out of `request_values` so the live value indexes
 * hold only live requests. Same typed columns; no queue/open bucket, archived requests are all closed.
 */
@Entity('request_values_archive')
@Index('IDX_request_values_archive_string', ['attributeId', 'valueString', 'requestId'])
@Index('IDX_request_values_archive_number', ['attributeId', 'valueNumber', 'requestId'])
@Index('IDX_request_values_archive_instant', ['attributeId', 'valueInstant', 'requestId'])
export class ArchivedRequestValue extends TypedValueColumns {}
