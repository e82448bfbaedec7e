/** What the workspace and the manager views read and send, taken from the server's own types (erased from the bundle). */
import type { AttachmentView } from '../../../../server/src/attachments/attachments.service';
import type { ClientView } from '../../../../server/src/directory/clients/clients.service';
import type { ResolvedTemplate } from '../../../../server/src/directory/intake/contact-templates.service';
import type { RegisteredContact } from '../../../../server/src/requests/intake.service';
import type { CreateContactDto, NewRequestDto } from '../../../../server/src/requests/dto/requests.dto';
import type { RequestListPage, RequestViewsService } from '../../../../server/src/requests/request-views.service';
import type { RequestSummary } from '../../../../server/src/requests/processing/versioned-update';
import type { SearchHit } from '../../../../server/src/search/search.service';
import type { DashboardView } from '../../../../server/src/reports/reports.service';
import type { ClockView } from '../../../../server/src/sla/clock-replay';
import type { SlaBreach } from '../../../../server/src/sla/entities/sla-breach.entity';
import type { CatalogNode } from '../../../../server/src/topics/topic-catalog.controller';
import type { Wire } from '../../api/types';

export type RequestRow = Wire<RequestListPage['items'][number]>;
export type RequestPage = Wire<RequestListPage>;
export type RequestRecord = Wire<RequestSummary>;
export type RequestCardView = Wire<Awaited<ReturnType<RequestViewsService['card']>>>;
export type CardAttribute = RequestCardView['attributes'][number];
export type CardTransition = RequestCardView['transitions'][number];
export type CardDiscussion = RequestCardView['discussions'][number];
export type QueueCount = Awaited<ReturnType<RequestViewsService['counts']>>[number];
export type ContactTemplate = Wire<ResolvedTemplate>;
export type Client = Wire<ClientView>;
export type ContactInput = CreateContactDto;
export type RequestInput = NewRequestDto;
export type Registered = Wire<RegisteredContact>;
export type TopicCatalogNode = CatalogNode;
export type Clock = ClockView;
export type Breach = Wire<SlaBreach>;
export type Dashboard = DashboardView;
export type AttachmentRow = Wire<AttachmentView>;
export type SearchResult = SearchHit;

export const REQUEST_TYPES: RequestInput['type'][] = ['incident', 'change', 'information', 'work', 'suggestion'];
