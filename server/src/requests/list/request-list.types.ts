import type { ValueKind } from '../storage/value-columns';

export const FILTER_OPERATORS = ['eq', 'ne', 'in', 'lt', 'lte', 'gt', 'gte', 'contains', 'startsWith', 'isNull', 'notNull'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** `field` is a request field (`priority`) or a dynamic attribute as `attr.<code>`. */
export interface ListFilter {
  field: string;
  op: FilterOperator;
  value?: unknown;
}

export interface ListSort {
  field: string;
  direction: 'asc' | 'desc';
}

export interface RequestListSpec {
  /** Queues the caller may see and asked for; absent means no queue restriction (already access-checked). */
  queueIds?: number[];
  open?: boolean;
  filters: ListFilter[];
  sort: ListSort[];
  /** true: only archived requests (their values in `request_values_archive`); otherwise only live ones. */
  archived?: boolean;
  /** Only the requests this user watches. */
  watchedBy?: number;
  /** Only the requests carrying every one of these tags (normalised as stored). */
  tags?: string[];
  page: number;
  pageSize: number;
}

/** What the list needs to know about an attribute: where its values are and whether it has a slot. */
export interface StoredAttribute {
  attributeId: number;
  code: string;
  kind: ValueKind;
  /** A `requests.list*` column when the attribute is a ready list column. */
  slot: string | null;
}
