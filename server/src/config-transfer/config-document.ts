import type { RouteDefinition } from '../../../workflows/index';
import type { QuestionnaireDefinition } from '../classification/questionnaire';
import type { ReportSpec } from '../reports/definitions/report-vocabulary';
import type { ExternalSource } from '../dictionaries/external/external-source';
import type { QueryParameter } from '../dictionaries/dynamic-queries/query-parameters';
import type { ClockRule, PriorityTarget } from '../sla/entities/sla-policy.entity';
import type { AttributeDef, DefaultSetting, FlagSetting, NodeKind } from '../topics/resolution/definitions';
import type { WorkCalendar } from '../../../rules/index';

/**
 * The configuration of one Docket installation as one JSON document. Everything is named by its code
 * (attribute groups, which have none, by their name), never by a database id, so the document imports
 * into any other database. Staff (users, workgroups, queue members) is not configuration and is left out.
 */
export const CONFIG_FORMAT = 'docket-config';
export const CONFIG_FORMAT_VERSION = 1;

export interface DictionaryDoc {
  code: string;
  name: string;
  description: string;
  hierarchical: boolean;
  active: boolean;
  position: number;
  items: Array<{ code: string; name: string; parentCode: string | null; active: boolean; position: number }>;
}

export interface ExternalDictionaryDoc {
  code: string;
  name: string;
  source: ExternalSource;
  ttlSeconds: number;
  active: boolean;
  position: number;
}

export interface DynamicQueryDoc {
  code: string;
  name: string;
  description: string;
  sql: string;
  parameters: QueryParameter[];
  valueColumn: string;
  labelColumn: string;
  maxRows: number;
  active: boolean;
}

export interface AttributeGroupDoc {
  name: string;
  order: number;
  collapsed: boolean;
}

/** An attribute as the API defines it, with its group named instead of numbered. */
export type AttributeDoc = Omit<AttributeDef, 'id' | 'attributeGroupId'> & {
  /** The name of its attribute group. */
  group: string | null;
};

export interface BindingDoc {
  attributeCode: string;
  required: FlagSetting | null;
  hidden: FlagSetting | null;
  readOnly: FlagSetting | null;
  defaultValue: DefaultSetting | null;
  order: number;
}

export interface TopicDoc {
  code: string;
  name: string;
  description: string | null;
  kind: NodeKind;
  parentCode: string | null;
  active: boolean;
  order: number;
  bindings: BindingDoc[];
}

export interface QueueDoc {
  code: string;
  name: string;
  description: string | null;
  active: boolean;
  allowedSteps: string[];
}

export type TransferredVersionState = 'published' | 'draft';

export interface RouteDoc {
  code: string;
  name: string;
  description: string | null;
  active: boolean;
  topicCodes: string[];
  /** The published version and the draft, if any; retired versions stay with the requests on them. */
  versions: Array<{ version: number; state: TransferredVersionState; definition: RouteDefinition }>;
}

export interface SlaCalendarDoc {
  code: string;
  name: string;
  definition: WorkCalendar;
}

export interface SlaPolicyDoc {
  code: string;
  name: string;
  active: boolean;
  rank: number;
  condition: unknown;
  calendarCode: string;
  targets: Record<string, PriorityTarget>;
  stepLimits: Record<string, number>;
  clockRules: ClockRule[];
  warningPercent: number;
}

export interface NotificationTemplateDoc {
  code: string;
  language: string;
  name: string;
  subject: string;
  html: string;
  text: string;
  active: boolean;
}

export interface PriorityCellDoc {
  impact: number;
  urgency: number;
  priority: number;
}

export interface CodedEntryDoc {
  code: string;
  name: string;
  active: boolean;
  position: number;
}

export interface ContactPlaceDoc extends CodedEntryDoc {
  parentCode: string | null;
  kindCode: string | null;
}

export interface ContactTemplateDoc extends CodedEntryDoc {
  placeKindCode: string | null;
  allowedPlaceCodes: string[];
  defaultPlaceCode: string | null;
  directionCode: string | null;
  channelCode: string | null;
  allowedTopicCodes: string[];
  defaultTopicCode: string | null;
  allowedClientCategories: string[];
  defaultClientCategory: string | null;
}

export interface IntakeDoc {
  placeKinds: CodedEntryDoc[];
  channels: CodedEntryDoc[];
  directions: CodedEntryDoc[];
  contactPlaces: ContactPlaceDoc[];
  contactTemplates: ContactTemplateDoc[];
}

export interface QuestionnaireDoc {
  code: string;
  name: string;
  active: boolean;
  definition: QuestionnaireDefinition;
}

/** A report users defined (built-in ones come with each release). */
export interface ReportDoc {
  code: string;
  name: string;
  description: string | null;
  definition: ReportSpec;
}

export interface ConfigDocument {
  format: typeof CONFIG_FORMAT;
  formatVersion: typeof CONFIG_FORMAT_VERSION;
  exportedAt: string;
  dictionaries: DictionaryDoc[];
  externalDictionaries: ExternalDictionaryDoc[];
  dynamicQueries: DynamicQueryDoc[];
  attributeGroups: AttributeGroupDoc[];
  attributes: AttributeDoc[];
  topics: TopicDoc[];
  queues: QueueDoc[];
  slaCalendars: SlaCalendarDoc[];
  slaPolicies: SlaPolicyDoc[];
  notificationTemplates: NotificationTemplateDoc[];
  priorityMatrix: PriorityCellDoc[];
  intake: IntakeDoc;
  routes: RouteDoc[];
  /** Classification questionnaires; absent from documents exported before they travelled. */
  questionnaires?: QuestionnaireDoc[];
  /** Users' report definitions; absent from documents exported before they travelled. */
  reports?: ReportDoc[];
}

/** What each import reports on, in the order it is applied. */
export const TRANSFER_KINDS = [
  'dictionaries', 'dictionaryItems', 'externalDictionaries', 'dynamicQueries', 'attributeGroups', 'attributes', 'topics', 'bindings', 'queues',
  'slaCalendars', 'slaPolicies', 'notificationTemplates', 'priorityMatrix', 'placeKinds', 'channels', 'directions', 'contactPlaces', 'contactTemplates',
  'routes', 'routeVersions', 'questionnaires', 'reports',
] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];
