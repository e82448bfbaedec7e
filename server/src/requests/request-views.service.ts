import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest } from '../common/docket-error';
import type { Page } from '../common/paging';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { queueRolesOf } from '../queues/queue-access';
import { AttributeDefinition } from '../topics/entities/attribute-definition.entity';
import { VALUE_TYPE_SPECS } from '../topics/resolution/value-types';
import { checkTransitions } from '../../../workflows/index';
import type { RequestListQueryDto } from './dto/requests.dto';
import { Comment } from './entities/comment.entity';
import { Contact } from './entities/contact.entity';
import { CustomerRequest } from './entities/customer-request.entity';
import { Discussion } from './entities/discussion.entity';
import { RequestListQuery } from './list/request-list.query';
import type { ListFilter, ListSort, StoredAttribute } from './list/request-list.types';
import { accessRequest, READ_ALL } from './processing/request-access';
import { contextData, stepOverrides, storedValues, TopicForms } from './processing/request-context';
import { RouteRunner } from './processing/route-runner';
import { summaryOf, type RequestSummary } from './processing/versioned-update';
import { ROUTE_SOURCE, type RouteSource } from './route-source';
import { AttributeSlot } from './entities/attribute-slot.entity';

/** What the console shows for requests: the card of one, lists of many, counts per queue. */
@Injectable()
export class RequestViewsService {
  private readonly runner: RouteRunner;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    audit: AuditService,
    @Inject(DOCKET_CONFIG) config: DocketConfig,
    @Inject(ROUTE_SOURCE) routes: RouteSource,
  ) {
    this.runner = new RouteRunner({ routes, audit, mailDomain: config.mail.domain });
  }

  async card(actor: Principal, id: number, now = new Date()) {
    const manager = this.dataSource.manager;
    const { request, canWork } = await accessRequest(manager, actor, id);
    const forms = new TopicForms(manager);
    const values = await storedValues(manager, forms, request);
    const topic = (await forms.topic(request.topicId))!;
    const data = await contextData(manager, request, topic.code, actor, values);
    const route = await this.runner.pinned(manager, request);
    const form = await forms.resolve(request.topicId, data, route ? stepOverrides(RouteRunner.userTaskAt(route, request.routeState)) : null, true);
    const transitions = route && request.routeState && request.isOpen ? checkTransitions(route.definition, request.routeState, await this.runner.routeContext(forms, request.topicId, data), now) : [];
    const [contact, discussions, comments, history] = await Promise.all([
      request.contactId === null ? null : manager.findOneBy(Contact, { id: request.contactId }),
      manager.find(Discussion, { where: { requestId: id }, order: { id: 'ASC' } }),
      manager.find(Comment, { where: { requestId: id }, order: { id: 'ASC' } }),
      manager.find(AuditEntry, { where: { entityType: 'request', entityId: String(id) }, order: { id: 'ASC' } }),
    ]);
    return {
      request: summaryOf(request),
      canWork,
      topic: { id: topic.id, code: topic.code, name: topic.name },
      route: route ? { versionId: route.versionId, code: route.definition.code, version: route.definition.version, state: request.routeState } : null,
      contact,
      attributes: form.attributes
        .filter((attribute) => !attribute.hidden)
        .map((attribute) => ({ code: attribute.code, name: attribute.name, valueType: attribute.valueType, multiple: attribute.multiple, value: values[attribute.code] ?? null, required: attribute.required, readOnly: attribute.readOnly, group: attribute.group?.name ?? null })),
      transitions: transitions.map(({ transitionId, name, tokenId, from, to, offered, reasons, mustPrompt }) => ({ transitionId, name, tokenId, from, to, offered, reasons, mustPrompt })),
      discussions: discussions.map((discussion) => ({ ...discussion, comments: comments.filter((comment) => comment.discussionId === discussion.id) })),
      history,
    };
  }

  async list(actor: Principal, query: RequestListQueryDto): Promise<Page<RequestSummary>> {
    const member = (await queueRolesOf(this.dataSource.manager, actor.userId)).member;
    const readAll = actor.permissions.has(READ_ALL as never);
    if (query.queueId !== undefined && !member.includes(query.queueId) && !readAll) {
      return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    }
    const filters = parseFilters(query.filters);
    if (query.view === 'mine') filters.push({ field: 'assigneeId', op: 'eq', value: actor.userId });
    if (query.view === 'unassigned') filters.push({ field: 'assigneeId', op: 'isNull' });
    const spec = {
      queueIds: query.queueId !== undefined ? [query.queueId] : readAll ? undefined : member,
      open: query.state === 'all' ? undefined : query.state !== 'closed',
      filters,
      sort: parseSort(query.sort),
      page: query.page,
      pageSize: query.pageSize,
    };
    const attributes = await this.storedAttributes();
    const items = await new RequestListQuery(attributes).apply(this.dataSource.getRepository(CustomerRequest).createQueryBuilder('r'), spec).getMany();
    const total = await new RequestListQuery(attributes).apply(this.dataSource.getRepository(CustomerRequest).createQueryBuilder('r'), spec, true).getCount();
    return { items: items.map(summaryOf), total, page: query.page, pageSize: query.pageSize };
  }

  /** Open and unassigned open requests of each of the caller's queues (or every queue with `all`). */
  async counts(actor: Principal, all: boolean): Promise<{ queueId: number; open: number; unassigned: number }[]> {
    const member = (await queueRolesOf(this.dataSource.manager, actor.userId)).member;
    if (!all && member.length === 0) return [];
    const builder = this.dataSource
      .getRepository(CustomerRequest)
      .createQueryBuilder('r')
      .select('r.queueId', 'queueId')
      .addSelect('COUNT(*)', 'open')
      .addSelect('SUM(CASE WHEN r.assigneeId IS NULL THEN 1 ELSE 0 END)', 'unassigned')
      .where('r.isOpen = :open AND r.queueId IS NOT NULL', { open: true })
      .groupBy('r.queueId')
      .orderBy('r.queueId', 'ASC');
    if (!all) builder.andWhere('r.queueId IN (:...member)', { member });
    const rows: { queueId: number | string; open: number | string; unassigned: number | string }[] = await builder.getRawMany();
    return rows.map((row) => ({ queueId: Number(row.queueId), open: Number(row.open), unassigned: Number(row.unassigned) }));
  }

  private async storedAttributes(): Promise<Map<string, StoredAttribute>> {
    const [definitions, slots] = await Promise.all([this.dataSource.getRepository(AttributeDefinition).find(), this.dataSource.getRepository(AttributeSlot).find()]);
    const ready = new Map(slots.filter((slot) => slot.state === 'ready').map((slot) => [slot.attributeId, slot.slot]));
    return new Map(definitions.map((definition) => [definition.code, { attributeId: definition.id, code: definition.code, kind: VALUE_TYPE_SPECS[definition.valueType].storage, slot: ready.get(definition.id) ?? null }]));
  }
}

function parseFilters(text: string | undefined): ListFilter[] {
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

function parseSort(text: string | undefined): ListSort[] {
  if (!text) return [{ field: 'createdAt', direction: 'desc' }];
  return text.split(',').slice(0, 5).map((part, index) => {
    const [field, direction = 'asc'] = part.split(':');
    if (direction !== 'asc' && direction !== 'desc') throw badRequest('invalid_list', 'sort directions are asc or desc', [{ path: `sort.${index}`, message: `unknown direction "${direction}"` }]);
    return { field, direction };
  });
}
