import type { EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { badRequest } from '../../common/docket-error';
import { currentConfiguration } from '../../topics/configuration/configuration.repository';
import { AttributeDefinition } from '../../topics/entities/attribute-definition.entity';
import { VALUE_TYPE_SPECS } from '../../topics/resolution/value-types';
import type { RequestListQueryDto } from '../dto/requests.dto';
import { AttributeSlot } from '../entities/attribute-slot.entity';
import type { ListFilter, ListSort, RequestListSpec, StoredAttribute } from '../list/request-list.types';
import { normalTag } from '../links/request-tags';
import { READ_ALL } from '../processing/request-access';
import { hiddenFieldPaths, visibleAttributeCodes } from './attribute-visibility';

/** The request list parameters a list, a group-by and a saved filter share. */
export type ListParameters = Pick<RequestListQueryDto, 'queueId' | 'view' | 'state' | 'filters' | 'sort' | 'archived' | 'page' | 'pageSize'> & Pick<Partial<RequestListQueryDto>, 'tag'>;

/**
 * Turns list parameters into the list specification for one caller: the queues they may read, the
 * operator views, live or archived requests. `member` is the caller's queues (actorQueues). Refuses with
 * 400 a filter, sort or `extraFields` entry on an attribute the caller is never shown (attribute-visibility.ts).
 */
export async function listSpecFor(manager: EntityManager, actor: Principal, query: ListParameters, member: number[], extraFields: { path: string; field: string }[] = [], now = new Date()): Promise<RequestListSpec> {
  const readAll = actor.permissions.has(READ_ALL as never);
  const filters = parseFilters(query.filters);
  const sort = parseSort(query.sort);
  if (!readAll) await refuseHiddenAttributes(manager, [...filters.map((filter, index) => ({ path: `filters.${index}.field`, field: filter.field })), ...sort.map((entry, index) => ({ path: `sort.${index}.field`, field: entry.field })), ...extraFields]);
  const own = query.queueId !== undefined ? [query.queueId].filter((queueId) => member.includes(queueId)) : member;
  const spec: RequestListSpec = {
    queueIds: query.view === 'myQueues' ? own : query.queueId !== undefined ? [query.queueId] : readAll ? undefined : member,
    open: query.state === 'all' ? undefined : query.state !== 'closed',
    filters,
    sort,
    page: query.page,
    pageSize: query.pageSize,
  };
  if (query.view === 'mine') filters.push({ field: 'assigneeId', op: 'eq', value: actor.userId });
  if (query.view === 'unassigned') filters.push({ field: 'assigneeId', op: 'isNull' });
  if (query.view === 'overdue') {
    spec.open = true;
    filters.push({ field: 'dueAt', op: 'lt', value: now.toISOString() });
  }
  if (query.view === 'watched') spec.watchedBy = actor.userId;
  if (query.tag?.length) spec.tags = [...new Set(query.tag.map(normalTag).filter(Boolean))];
  if (query.archived) {
    // Archived requests are all closed; the state parameter does not narrow them further.
    spec.archived = true;
    spec.open = undefined;
  }
  return spec;
}

/** Where each attribute's values are for lists: typed rows, and a slot column when it is a ready list column. */
export async function storedListAttributes(manager: EntityManager): Promise<Map<string, StoredAttribute>> {
  const [definitions, slots] = await Promise.all([manager.find(AttributeDefinition), manager.find(AttributeSlot)]);
  const ready = new Map(slots.filter((slot) => slot.state === 'ready').map((slot) => [slot.attributeId, slot.slot]));
  return new Map(definitions.map((definition) => [definition.code, { attributeId: definition.id, code: definition.code, kind: VALUE_TYPE_SPECS[definition.valueType].storage, slot: ready.get(definition.id) ?? null }]));
}

export async function refuseHiddenAttributes(manager: EntityManager, fields: { path: string; field: string }[]): Promise<void> {
  if (!fields.some(({ field }) => field.startsWith('attr.'))) return;
  const details = hiddenFieldPaths(fields, visibleAttributeCodes(await currentConfiguration(manager)));
  if (details.length) throw badRequest('hidden_attribute', 'The list names an attribute you are not shown', details);
}

export function parseFilters(text: string | undefined): ListFilter[] {
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest('invalid_list', 'filters must be a JSON array', [{ path: 'filters', message: 'not JSON' }]);
  }
  if (!Array.isArray(parsed) || parsed.length > 50 || !parsed.every((item) => typeof item === 'object' && item !== null && typeof (item as ListFilter).field === 'string' && typeof (item as ListFilter).op === 'string')) {
    throw badRequest('invalid_list', 'filters must be an array of at most 50 {field, op, value}', [{ path: 'filters', message: 'not an array of filters' }]);
  }
  return parsed as ListFilter[];
}

export function parseSort(text: string | undefined): ListSort[] {
  if (!text) return [{ field: 'createdAt', direction: 'desc' }];
  return text.split(',').slice(0, 5).map((part, index) => {
    const [field, direction = 'asc'] = part.split(':');
    if (direction !== 'asc' && direction !== 'desc') throw badRequest('invalid_list', 'sort directions are asc or desc', [{ path: `sort.${index}`, message: `unknown direction "${direction}"` }]);
    return { field, direction };
  });
}
