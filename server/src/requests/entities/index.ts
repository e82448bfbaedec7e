import { AttributeSlot } from './attribute-slot.entity';
import { Comment } from './comment.entity';
import { Contact } from './contact.entity';
import { CustomerRequest } from './customer-request.entity';
import { Discussion } from './discussion.entity';
import { IdempotencyRecord } from './idempotency-record.entity';
import { PriorityCell } from './priority-cell.entity';
import { RequestCounter } from './request-counter.entity';
import { RequestValue } from './request-value.entity';

/** The entities of request processing added after the core storage ones (listed in database/entities.ts). */
export const REQUEST_PROCESSING_ENTITIES = [Contact, RequestCounter, PriorityCell, IdempotencyRecord, Discussion, Comment];

export { AttributeSlot, Comment, Contact, CustomerRequest, Discussion, IdempotencyRecord, PriorityCell, RequestCounter, RequestValue };
