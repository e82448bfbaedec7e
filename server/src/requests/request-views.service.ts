import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import type { Page } from '../common/paging';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { rowsWhere } from '../database/entity-rows';
import { actorQueues } from '../queues/queue-access';
import { AttributeDefinition } from '../topics/entities/attribute-definition.entity';
import { checkTransitions } from '../../../workflows/index';
import type { RequestListQueryDto } from './dto/requests.dto';
import { Contact } from './entities/contact.entity';
import { CustomerRequest } from './entities/customer-request.entity';
import { RequestValue } from './entities/request-value.entity';
import { RequestEscalation } from './escalation/entities/request-escalation.entity';
import { linkedProblemsOf, linksOf, tagsOf } from './links/request-links.view';
import { RequestListQuery } from './list/request-list.query';
import type { StoredAttribute } from './list/request-list.types';
import { accessRequest, READ_ALL } from './processing/request-access';
import { contextData, stepOverrides, storedValues, TopicForms } from './processing/request-context';
import { RouteRunner } from './processing/route-runner';
import { summaryOf, type RequestSummary } from './processing/versioned-update';
import { ROUTE_SOURCE, type RouteSource } from './route-source';
import { discussionThreads } from './views/discussion-threads';
import { familyOf } from './views/request-family';
import { listSpecFor, storedListAttributes } from './views/list-spec';

/** A page of the request list, with the values and headings of the list-column attributes. */
export interface RequestListPage extends Page<RequestSummary & { columns: Record<string, unknown> }> {
  columns: { code: string; name: string; valueType: string }[];
}

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
    const forms = new TopicForms(manager);
    // Each read starts as soon as what it needs is known, on a connection of its own: those that need only the id
    // beside the access check. Nothing is answered before the check passes; a refused request's rows are dropped.
    const access = accessRequest(manager, actor, id);
    const afterAccess = <T>(read: (request: CustomerRequest) => Promise<T>) => access.then(({ request }) => read(request));
    const liveValueRows = rowsWhere(manager, RequestValue, { requestId: id });
    const [{ request, canWork }, { values, data }, route, contact, family, discussions, history, escalations, links, problems, tags] = await Promise.all([
      access,
      afterAccess((request) => this.valuesAndContext(manager, forms, actor, request, liveValueRows)),
      afterAccess((request) => this.runner.pinned(manager, request)),
      afterAccess(async (request) => (request.contactId === null ? null : ((await rowsWhere(manager, Contact, { id: request.contactId }))[0] ?? null))),
      afterAccess((request) => familyOf(manager, forms, request)),
      discussionThreads(manager, id),
      rowsWhere(manager, AuditEntry, { entityType: 'request', entityId: String(id) }),
      rowsWhere(manager, RequestEscalation, { requestId: id }),
      linksOf(manager, forms, id),
      linkedProblemsOf(manager, id),
      tagsOf(manager, id),
      liveValueRows,
      forms.config(),
    ]);
    const topic = (await forms.topic(request.topicId))!;
    const form = await forms.resolve(request.topicId, data, route ? stepOverrides(RouteRunner.userTaskAt(route, request.routeState)) : null, true);
    const transitions = route && request.routeState && request.isOpen ? checkTransitions(route.definition, request.routeState, await this.runner.routeContext(forms, request.topicId, data), now) : [];
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
      discussions,
      history,
      escalations,
      parent: family.parent,
      children: family.children,
      links,
      problems,
      tags,
    };
  }

  /** The request's attribute values, and the evaluation context its rules read. */
  private async valuesAndContext(manager: EntityManager, forms: TopicForms, actor: Principal, request: CustomerRequest, liveValueRows: Promise<RequestValue[]>) {
    const values = await storedValues(manager, forms, request, request.archivedAt ? undefined : await liveValueRows);
    const topic = (await forms.topic(request.topicId))!;
    return { values, data: await contextData(manager, request, topic.code, actor, values) };
  }

  async list(actor: Principal, query: RequestListQueryDto): Promise<RequestListPage> {
    const member = (await actorQueues(this.dataSource.manager, actor)).member;
    const readAll = actor.permissions.has(READ_ALL as never);
    if (query.queueId !== undefined && !member.includes(query.queueId) && !readAll) {
      return { items: [], total: 0, page: query.page, pageSize: query.pageSize, columns: [] };
    }
    const spec = await listSpecFor(this.dataSource.manager, actor, query, member);
    const attributes = await this.storedAttributes();
    const { items, total } = await new RequestListQuery(attributes).fetch(() => this.dataSource.getRepository(CustomerRequest).createQueryBuilder('r'), spec);
    const columns = await this.listColumns(attributes);
    const columnValues = (item: CustomerRequest) => Object.fromEntries(columns.map((column) => [column.code, item[column.slot as keyof CustomerRequest] ?? null]));
    return { items: items.map((item) => ({ ...summaryOf(item), columns: columnValues(item) })), total, page: query.page, pageSize: query.pageSize, columns: columns.map(({ code, name, valueType }) => ({ code, name, valueType })) };
  }

  /** The attributes an administrator shows as list columns (with a ready slot), in their order: the list's extra columns. */
  private async listColumns(attributes: Map<string, StoredAttribute>): Promise<{ code: string; name: string; valueType: string; slot: string }[]> {
    const definitions = await this.dataSource.getRepository(AttributeDefinition).find({ where: { listColumn: true, active: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return definitions.flatMap(({ code, name, valueType }) => {
      const slot = attributes.get(code)?.slot;
      return slot ? [{ code, name, valueType, slot }] : [];
    });
  }

  /** Open and unassigned open requests of each of the caller's queues (or every queue with `all`). */
  async counts(actor: Principal, all: boolean): Promise<{ queueId: number; open: number; unassigned: number }[]> {
    const member = (await actorQueues(this.dataSource.manager, actor)).member;
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
    return storedListAttributes(this.dataSource.manager);
  }
}
