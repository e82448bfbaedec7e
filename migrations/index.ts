import { Foundation1764028800000 } from './1764028800000-foundation';
import { Topics1764100000000 } from './1764100000000-topics';
import { Directory1764100001000 } from './1764100001000-directory';
import { Dictionaries1764100002000 } from './1764100002000-dictionaries';
import { RequestsCore1764200000000 } from './1764200000000-requests-core';
import { SchedulerOutbox1764300000000 } from './1764300000000-scheduler-outbox';
import { Queues1764300001000 } from './1764300001000-queues';
import { RequestsProcessing1764400001000 } from './1764400001000-requests-processing';
import { Routes1764400000000 } from './1764400000000-routes';
import { Sla1764400002000 } from './1764400002000-sla';
import { RequestChildren1764500001000 } from './1764500001000-request-children';
import { OperatorViewsWorkOrdersArchive1764500006000 } from './1764500006000-operator-views-work-orders-archive';
import { Notifications1764500003000 } from './1764500003000-notifications';
import { ClosureProblems1764500004000 } from './1764500004000-closure-problems';
import { AttachmentsSearch1764500005000 } from './1764500005000-attachments-search';
import { RequestListOrder1764500007000 } from './1764500007000-request-list-order';
import { PortalKnowledge1764500008000 } from './1764500008000-portal-knowledge';
import { RequestLinksTags1764500009000 } from './1764500009000-request-links-tags';
import { AttachmentPurge1764500010000 } from './1764500010000-attachment-purge';
import { ConfigurationRevision1764500011000 } from './1764500011000-configuration-revision';
import { ClassificationQuestionnaires1764500012000 } from './1764500012000-classification-questionnaires';
import { KnowledgeKindsLinks1764500013000 } from './1764500013000-knowledge-kinds-links';
import { MailIntake1764600000000 } from './1764600000000-mail-intake';
import { Reports1764700000000 } from './1764700000000-reports';
import { SealedSecrets1764800000000 } from './1764800000000-sealed-secrets';

/** Applied in this order; a test runs every one up and down on SQLite and on MariaDB. */
export const migrations = [Foundation1764028800000, Topics1764100000000, Directory1764100001000, Dictionaries1764100002000, RequestsCore1764200000000, SchedulerOutbox1764300000000, Queues1764300001000, Routes1764400000000, RequestsProcessing1764400001000, Sla1764400002000, RequestChildren1764500001000, Notifications1764500003000, ClosureProblems1764500004000, AttachmentsSearch1764500005000, OperatorViewsWorkOrdersArchive1764500006000, RequestListOrder1764500007000, PortalKnowledge1764500008000, RequestLinksTags1764500009000, AttachmentPurge1764500010000, ConfigurationRevision1764500011000, ClassificationQuestionnaires1764500012000, KnowledgeKindsLinks1764500013000, MailIntake1764600000000, Reports1764700000000, SealedSecrets1764800000000];
