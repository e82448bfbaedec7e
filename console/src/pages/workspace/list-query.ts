import type { Query } from '../../api/client';
import type { ListFilter, ListView, SavedListQuery } from './types';

/** Tags as the server stores and compares them (the same pure function, imported from its source). */
export { MAX_TAGS, MAX_TAG_LENGTH, normalTag } from '../../../../server/src/requests/links/request-tags';

export const LIST_VIEWS: ListView[] = ['queue', 'mine', 'myQueues', 'unassigned', 'overdue', 'watched'];
export const LIST_STATES = ['open', 'closed', 'all'] as const;
export type ListState = (typeof LIST_STATES)[number];
export const ATTRIBUTE_OPERATORS = ['eq', 'contains', 'startsWith', 'gte', 'lte', 'isNull', 'notNull'] as const;
export type AttributeOperator = (typeof ATTRIBUTE_OPERATORS)[number];
/** Fields the list may be grouped by, as the server names them. */
export const GROUP_FIELDS = ['status', 'priority', 'assigneeId', 'queueId', 'topicId'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

export interface AttributeFilter {
  field?: string;
  op: AttributeOperator;
  value: string;
}

/** What the filter bar shows; `extra` keeps conditions of a saved filter the bar has no control for, still applied. */
export interface ListControls {
  view: ListView;
  queueId?: number;
  state: ListState;
  sort?: string;
  subject: string;
  statuses: string[];
  priorities: number[];
  /** A user id, or `none` for unassigned requests. */
  assignee?: number | 'none';
  attribute: AttributeFilter;
  /** Requests carrying every one of these tags. */
  tags: string[];
  extra: ListFilter[];
}

export const EMPTY_CONTROLS: ListControls = { view: 'queue', state: 'open', subject: '', statuses: [], priorities: [], attribute: { op: 'eq', value: '' }, tags: [], extra: [] };

const valueless = (op: string) => op === 'isNull' || op === 'notNull';

/** The controls as the list's filters: only those filled in. */
export function filtersOf(controls: ListControls): ListFilter[] {
  const { subject, statuses, priorities, assignee, attribute } = controls;
  const filters: ListFilter[] = [];
  if (subject.trim()) filters.push({ field: 'subject', op: 'contains', value: subject.trim() });
  if (statuses.length) filters.push({ field: 'status', op: 'in', value: statuses });
  if (priorities.length) filters.push({ field: 'priority', op: 'in', value: priorities });
  if (assignee === 'none') filters.push({ field: 'assigneeId', op: 'isNull' });
  else if (assignee !== undefined) filters.push({ field: 'assigneeId', op: 'eq', value: assignee });
  if (attribute.field && valueless(attribute.op)) filters.push({ field: attribute.field, op: attribute.op });
  else if (attribute.field && attribute.value.trim()) filters.push({ field: attribute.field, op: attribute.op, value: attribute.value.trim() });
  return [...filters, ...controls.extra];
}

/** GET /api/requests (and /groups) parameters for the controls, without paging. */
export function listParams(controls: ListControls, more: ListFilter[] = []): Query {
  const filters = [...filtersOf(controls), ...more];
  // Tags hold no commas: the server reads `tag=a,b` as both.
  return { view: controls.view, queueId: controls.queueId, state: controls.state, sort: controls.sort, filters: filters.length ? JSON.stringify(filters) : undefined, tag: controls.tags.length ? controls.tags.join(',') : undefined };
}

export function savedQueryOf(controls: ListControls): SavedListQuery {
  const filters = filtersOf(controls);
  return { view: controls.view, state: controls.state, ...(controls.queueId !== undefined ? { queueId: controls.queueId } : {}), ...(controls.sort ? { sort: controls.sort } : {}), ...(filters.length ? { filters } : {}), ...(controls.tags.length ? { tag: controls.tags } : {}) };
}

/** A saved query back in the controls: each filter the bar has a control for fills it, the rest stay as `extra`. */
export function controlsOf(query: SavedListQuery): ListControls {
  const controls: ListControls = { ...EMPTY_CONTROLS, view: (query.view as ListView | undefined) ?? 'queue', state: query.state ?? 'open', queueId: query.queueId, sort: query.sort, attribute: { ...EMPTY_CONTROLS.attribute }, tags: query.tag ?? [], extra: [] };
  for (const filter of query.filters ?? []) {
    const { field, op, value } = filter;
    if (field === 'subject' && op === 'contains' && !controls.subject && typeof value === 'string') controls.subject = value;
    else if (field === 'status' && op === 'in' && !controls.statuses.length && Array.isArray(value)) controls.statuses = value.map(String);
    else if (field === 'priority' && op === 'in' && !controls.priorities.length && Array.isArray(value)) controls.priorities = value.map(Number);
    else if (field === 'assigneeId' && op === 'isNull' && controls.assignee === undefined) controls.assignee = 'none';
    else if (field === 'assigneeId' && op === 'eq' && controls.assignee === undefined && typeof value === 'number') controls.assignee = value;
    else if (field.startsWith('attr.') && !controls.attribute.field && (ATTRIBUTE_OPERATORS as readonly string[]).includes(op) && (valueless(op) || typeof value === 'string'))
      controls.attribute = { field, op: op as AttributeOperator, value: valueless(op) ? '' : (value as string) };
    else controls.extra.push(filter);
  }
  return controls;
}

/** The condition that narrows the list to one group of a group-by answer. */
export function groupFilter(by: GroupField, key: string | number | null): ListFilter {
  return key === null ? { field: by, op: 'isNull' } : { field: by, op: 'eq', value: key };
}
