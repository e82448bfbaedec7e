import { definedFields } from '../common/defined-fields';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changesBetween } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, notFound } from '../common/docket-error';
import { assertValidChange, NEW_ID } from './configuration/configuration-guard';
import { bindingDef, withReplaced } from './configuration/configuration.repository';
import { BindingView, CreateBindingDto, toBindingView, UpdateBindingDto } from './dto/binding.dto';
import { AttributeBinding } from './entities/attribute-binding.entity';
import { AttributeDefinition } from './entities/attribute-definition.entity';
import { TopicNode } from './entities/topic-node.entity';
import { unknownReference } from './topics.errors';
import { applySortOrder } from './sort-order';

const AUDITED: (keyof AttributeBinding)[] = ['nodeId', 'attributeId', 'required', 'hidden', 'readOnly', 'defaultValue', 'sortOrder'];
const ENTITY = 'attribute_binding';

/** Attributes placed on tree nodes, with their per-node overrides. */
@Injectable()
export class BindingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(nodeId: number): Promise<BindingView[]> {
    await this.loadNode(this.dataSource.manager, nodeId);
    const bindings = await this.dataSource.getRepository(AttributeBinding).find({ where: { nodeId }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return bindings.map(toBindingView);
  }

  async create(actor: Principal, nodeId: number, body: CreateBindingDto, now = new Date()): Promise<BindingView> {
    return this.dataSource.transaction(async (manager) => {
      await this.loadNode(manager, nodeId);
      if (!(await manager.existsBy(AttributeDefinition, { id: body.attributeId }))) throw unknownReference('attribute', body.attributeId, 'attributeId');
      if (await manager.existsBy(AttributeBinding, { nodeId, attributeId: body.attributeId })) {
        throw conflict('duplicate', `Attribute ${body.attributeId} is already bound to node ${nodeId}`, [{ path: 'attributeId', message: 'already bound here' }]);
      }
      const { order, ...settings } = definedFields(body);
      const binding = manager.create(AttributeBinding, {
        nodeId, required: null, hidden: null, readOnly: null, defaultValue: null, ...settings,
        sortOrder: order ?? (await manager.countBy(AttributeBinding, { nodeId })),
      });
      await assertValidChange(manager, (current) => ({ ...current, bindings: [...current.bindings, bindingDef({ ...binding, id: NEW_ID })] }), { nodeIds: [nodeId] });
      await manager.save(binding);
      await this.audit.record(manager, actor, { entityType: ENTITY, entityId: binding.id, action: 'create', changes: changesBetween(null, binding, AUDITED) }, now);
      return toBindingView(binding);
    });
  }

  async update(actor: Principal, nodeId: number, attributeId: number, body: UpdateBindingDto, now = new Date()): Promise<BindingView> {
    return this.dataSource.transaction(async (manager) => {
      const binding = await this.load(manager, nodeId, attributeId);
      const before = { ...binding };
      const { order, ...settings } = definedFields(body);
      Object.assign(binding, settings, order === undefined ? {} : { sortOrder: order });
      await assertValidChange(manager, (current) => ({ ...current, bindings: withReplaced(current.bindings, bindingDef(binding)) }), { nodeIds: [nodeId] });
      await manager.save(binding);
      await this.audit.record(manager, actor, { entityType: ENTITY, entityId: binding.id, action: 'update', changes: changesBetween(before, binding, AUDITED) }, now);
      return toBindingView(binding);
    });
  }

  /** Unbinding is refused when a rule that stays on some topic still reads the attribute. */
  async remove(actor: Principal, nodeId: number, attributeId: number, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const binding = await this.load(manager, nodeId, attributeId);
      await assertValidChange(manager, (current) => ({ ...current, bindings: current.bindings.filter((candidate) => candidate.id !== binding.id) }), { nodeIds: [nodeId] });
      await manager.remove(binding);
      await this.audit.record(manager, actor, { entityType: ENTITY, entityId: `${nodeId}:${attributeId}`, action: 'delete', changes: changesBetween(binding, {}, AUDITED) }, now);
    });
  }

  async reorder(actor: Principal, nodeId: number, attributeIds: number[], now = new Date()): Promise<BindingView[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.loadNode(manager, nodeId);
      const bindings = await manager.findBy(AttributeBinding, { nodeId });
      const byAttribute = new Map(bindings.map((binding) => [binding.attributeId, binding]));
      if (attributeIds.length !== bindings.length || new Set(attributeIds).size !== attributeIds.length || attributeIds.some((id) => !byAttribute.has(id))) {
        throw badRequest('invalid_order', 'List every attribute bound to the node exactly once', [{ path: 'ids', message: 'must be all the attributes bound here, each once' }]);
      }
      const ordered = attributeIds.map((id) => byAttribute.get(id)!);
      await applySortOrder(manager, this.audit, actor, ENTITY, ordered, now);
      return ordered.map(toBindingView);
    });
  }

  private async loadNode(manager: EntityManager, nodeId: number): Promise<TopicNode> {
    const node = await manager.findOneBy(TopicNode, { id: nodeId });
    if (!node) throw notFound('Topic node', nodeId);
    return node;
  }

  private async load(manager: EntityManager, nodeId: number, attributeId: number): Promise<AttributeBinding> {
    await this.loadNode(manager, nodeId);
    const binding = await manager.findOneBy(AttributeBinding, { nodeId, attributeId });
    if (!binding) throw notFound('Binding of attribute', attributeId);
    return binding;
  }
}
