import { AuditEntry } from '../audit/audit-entry.entity';
import { DICTIONARY_ENTITIES } from '../dictionaries/entities';
import { DIRECTORY_ENTITIES } from '../directory/entities';
import { Queue } from '../queues/queue.entity';
import { OutboxMessage } from '../notifications/entities/outbox-message.entity';
import { ScheduledJob } from '../scheduler/entities/scheduled-job.entity';
import { ApiToken } from '../auth/entities/api-token.entity';
import { LoginAttempt } from '../auth/entities/login-attempt.entity';
import { Role } from '../auth/entities/role.entity';
import { Session } from '../auth/entities/session.entity';
import { User } from '../auth/entities/user.entity';
import { Workgroup } from '../auth/entities/workgroup.entity';
import { AttributeSlot } from '../requests/entities/attribute-slot.entity';
import { CustomerRequest } from '../requests/entities/customer-request.entity';
import { RequestValue } from '../requests/entities/request-value.entity';
import { REQUEST_PROCESSING_ENTITIES } from '../requests/entities/index';
import { Route } from '../routes/entities/route.entity';
import { RouteVersion } from '../routes/entities/route-version.entity';
import { AttributeBinding } from '../topics/entities/attribute-binding.entity';
import { AttributeDefinition } from '../topics/entities/attribute-definition.entity';
import { AttributeGroup } from '../topics/entities/attribute-group.entity';
import { TopicNode } from '../topics/entities/topic-node.entity';
import { SLA_ENTITIES } from '../sla/entities';

/** Every entity of the model; modules register theirs here so the data source and migrations agree. */
export const entities = [User, Role, Workgroup, Session, ApiToken, LoginAttempt, AuditEntry, CustomerRequest, RequestValue, AttributeSlot, ScheduledJob, OutboxMessage, Queue, TopicNode, AttributeDefinition, AttributeGroup, AttributeBinding, Route, RouteVersion, ...DICTIONARY_ENTITIES, ...DIRECTORY_ENTITIES, ...REQUEST_PROCESSING_ENTITIES, ...SLA_ENTITIES];
