import { definedFields } from '../common/defined-fields';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditService, changesBetween } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest, notFound } from '../common/docket-error';
import { Page, pageOf } from '../common/paging';
import { escapeLike, LIKE_ESCAPE } from '../common/sql-like';
import { CustomerRequest } from '../requests/entities/customer-request.entity';
import { assertValidChange, NEW_ID } from './configuration/configuration-guard';
import { nodeDef, withReplaced } from './configuration/configuration.repository';
import { CreateTopicNodeDto, toTopicNodeView, TopicNodeQuery, TopicNodeView, UpdateTopicNodeDto } from './dto/topic-node.dto';
import { AttributeBinding } from './entities/attribute-binding.entity';
import { TopicNode } from './entities/topic-node.entity';
import { duplicateCode, inUse } from './topics.errors';
import { applySortOrder } from './sort-order';

const AUDITED: (keyof TopicNode)[] = ['code', 'name', 'description', 'kind', 'parentId', 'active', 'sortOrder'];
const ENTITY = 'topic_node';

/** The tree of topic groups and topics. */
@Injectable()
export class TopicNodesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: TopicNodeQuery): Promise<Page<TopicNodeView>> {
    const builder = this.dataSource.getRepository(TopicNode).createQueryBuilder('node').orderBy('node.parentId', 'ASC').addOrderBy('node.sortOrder', 'ASC').addOrderBy('node.id', 'ASC');
    if (query.parent === 'root') builder.andWhere('node.parentId IS NULL');
    else if (query.parent) builder.andWhere('node.parentId = :parentId', { parentId: Number(query.parent) });
    if (query.kind) builder.andWhere('node.kind = :kind', { kind: query.kind });
    if (query.active !== undefined) builder.andWhere('node.active = :active', { active: query.active });
    if (query.search) builder.andWhere(`(node.code LIKE :search ${LIKE_ESCAPE} OR node.name LIKE :search ${LIKE_ESCAPE})`, { search: `%${escapeLike(query.search)}%` });
    return pageOf(builder, query, (rows) => rows.map(toTopicNodeView));
  }

  async get(id: number): Promise<TopicNodeView> {
    return toTopicNodeView(await this.load(this.dataSource.manager, id));
  }

  async create(actor: Principal, body: CreateTopicNodeDto, now = new Date()): Promise<TopicNodeView> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(TopicNode, { code: body.code })) throw duplicateCode('topic', body.code);
      const parentId = body.parentId ?? null;
      const sortOrder = body.order ?? (await manager.countBy(TopicNode, { parentId: parentId ?? IsNull() }));
      const node = manager.create(TopicNode, { code: body.code, name: body.name, description: body.description ?? null, kind: body.kind, parentId, active: body.active ?? true, sortOrder });
      await assertValidChange(manager, (current) => ({ ...current, nodes: [...current.nodes, nodeDef({ ...node, id: NEW_ID })] }), { nodeIds: [NEW_ID] });
      await manager.save(node);
      await this.audit.record(manager, actor, { entityType: ENTITY, entityId: node.id, action: 'create', changes: changesBetween(null, node, AUDITED) }, now);
      return toTopicNodeView(node);
    });
  }

  async update(actor: Principal, id: number, body: UpdateTopicNodeDto, now = new Date()): Promise<TopicNodeView> {
    return this.dataSource.transaction(async (manager) => {
      const node = await this.load(manager, id);
      const before = { ...node };
      const { order, ...fields } = definedFields(body);
      Object.assign(node, fields, order === undefined ? {} : { sortOrder: order });
      await assertValidChange(manager, (current) => ({ ...current, nodes: withReplaced(current.nodes, nodeDef(node)) }), { nodeIds: [id] });
      await manager.save(node);
      await this.audit.record(manager, actor, { entityType: ENTITY, entityId: id, action: 'update', changes: changesBetween(before, node, AUDITED) }, now);
      return toTopicNodeView(node);
    });
  }

  async setActive(actor: Principal, id: number, active: boolean, now = new Date()): Promise<TopicNodeView> {
    return this.update(actor, id, { active }, now);
  }

  /** Only an empty node that no request is about can go; deactivate the others. */
  async remove(actor: Principal, id: number, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const node = await this.load(manager, id);
      if (await manager.existsBy(TopicNode, { parentId: id })) throw inUse(`"${node.code}" still holds other nodes`, 'id', 'has children');
      if (await manager.existsBy(CustomerRequest, { topicId: id })) throw inUse(`Requests are about "${node.code}"; deactivate it instead`, 'id', 'has requests');
      const bindings = await manager.findBy(AttributeBinding, { nodeId: id });
      for (const binding of bindings) {
        await manager.remove(binding);
        await this.audit.record(manager, actor, { entityType: 'attribute_binding', entityId: `${id}:${binding.attributeId}`, action: 'delete', changes: [{ field: 'attributeId', old: binding.attributeId, new: null }] }, now);
      }
      await manager.remove(node);
      await this.audit.record(manager, actor, { entityType: ENTITY, entityId: id, action: 'delete', changes: changesBetween(node, {}, AUDITED) }, now);
    });
  }

  /** Gives the children of one parent the order of `ids`, which must list all of them. */
  async reorder(actor: Principal, ids: number[], now = new Date()): Promise<TopicNodeView[]> {
    return this.dataSource.transaction(async (manager) => {
      const nodes = ids.length ? await manager.findBy(TopicNode, { id: In(ids) }) : [];
      const parentId = nodes[0]?.parentId ?? null;
      const siblings = await manager.findBy(TopicNode, { parentId: parentId ?? IsNull() });
      if (nodes.length !== ids.length || new Set(ids).size !== ids.length || siblings.length !== ids.length || nodes.some((node) => node.parentId !== parentId)) {
        throw badRequest('invalid_order', 'List every child of one group exactly once', [{ path: 'ids', message: 'must be all the children of one parent, each once' }]);
      }
      const byId = new Map(nodes.map((node) => [node.id, node]));
      const ordered = ids.map((nodeId) => byId.get(nodeId)!);
      await applySortOrder(manager, this.audit, actor, ENTITY, ordered, now);
      return ordered.map(toTopicNodeView);
    });
  }

  private async load(manager: EntityManager, id: number): Promise<TopicNode> {
    const node = await manager.findOneBy(TopicNode, { id });
    if (!node) throw notFound('Topic node', id);
    return node;
  }
}
