/** The configuration pages' wire shapes, from the server's own types (type-only, erased from the bundle). */
import type { Wire } from '../../api/types';
import type { Dictionary } from '../../../../server/src/dictionaries/entities/dictionary.entity';
import type { DynamicQuery } from '../../../../server/src/dictionaries/entities/dynamic-query.entity';
import type { ExternalDictionary } from '../../../../server/src/dictionaries/entities/external-dictionary.entity';
import type { ItemView } from '../../../../server/src/dictionaries/dictionaries.service';
import type { CreateDictionaryDto, CreateDictionaryItemDto } from '../../../../server/src/dictionaries/dictionaries.dto';
import type { CreateExternalDictionaryDto } from '../../../../server/src/dictionaries/external/external-dictionaries.dto';
import type { ExternalItemsView } from '../../../../server/src/dictionaries/external/external-dictionaries.service';
import type { CreateDynamicQueryDto } from '../../../../server/src/dictionaries/dynamic-queries/dynamic-queries.dto';
import type { SlaCalendar } from '../../../../server/src/sla/entities/sla-calendar.entity';
import type { ClockRule, PriorityTarget, SlaPolicy } from '../../../../server/src/sla/entities/sla-policy.entity';
import type { NotificationTemplate } from '../../../../server/src/notifications/entities/notification-template.entity';
import type { CreateTemplateDto } from '../../../../server/src/notifications/templates.dto';

export type DictionaryRecord = Wire<Dictionary>;
export type DictionaryInput = CreateDictionaryDto;
export type DictionaryValue = Wire<ItemView>;
export type DictionaryValueInput = CreateDictionaryItemDto;
export type ExternalRecord = Wire<ExternalDictionary>;
export type ExternalInput = CreateExternalDictionaryDto;
export type ExternalItems = Wire<ExternalItemsView>;
export type QueryRecord = Wire<DynamicQuery>;
export type QueryInput = CreateDynamicQueryDto;
export type CalendarRecord = Wire<SlaCalendar>;
export type PolicyRecord = Wire<SlaPolicy>;
export type { ClockRule, PriorityTarget };
export type TemplateRecord = Wire<NotificationTemplate>;
export type TemplateInput = CreateTemplateDto;
export interface TemplateVariables {
  events: string[];
  languages: string[];
  variables: Record<string, string>;
}
import type { ContactPlace } from '../../../../server/src/directory/entities/contact-place.entity';
import type { MailboxView, MailMessageView } from '../../../../server/src/intake/mailboxes.dto';
import type { TemplateView } from '../../../../server/src/directory/intake/contact-templates.service';
import type { CreateContactPlaceDto, CreateContactTemplateDto } from '../../../../server/src/directory/intake/intake.dto';

export interface CodedEntry {
  id: number;
  code: string;
  name: string;
  active: boolean;
  position: number;
}
export type PlaceRecord = ContactPlace;
export type PlaceInput = CreateContactPlaceDto;
export type ContactTemplateRecord = TemplateView;
export type ContactTemplateInput = CreateContactTemplateDto;
export type Mailbox = Wire<MailboxView>;
export type MailMessage = Wire<MailMessageView>;
