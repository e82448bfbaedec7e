import { definedFields } from '../common/defined-fields';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService, changesBetween } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest, notFound } from '../common/docket-error';
import { AttributeGroupView, CreateAttributeGroupDto, toAttributeGroupView, UpdateAttributeGroupDto } from './dto/attribute-group.dto';
import { AttributeDefinition } from './entities/attribute-definition.entity';
import { AttributeGroup } from './entities/attribute-group.entity';
import { inUse } from './topics.errors';
import { applySortOrder } from './sort-order';

const AUDITED: (keyof AttributeGroup)[] = ['name', 'sortOrder', 'collapsed'];
const ENTITY = 'attribute_group';

@Injectable()
export class AttributeGroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<AttributeGroupView[]> {
    return (await this.dataSource.getRepository(AttributeGroup).find({ order: { sortOrder: 'ASC', id: 'ASC' } })).map(toAttributeGroupView);
  }

  async create(actor: Principal, body: CreateAttributeGroupDto, now = new Date()): Promise<AttributeGroupView> {
    return this.dataSource.transaction(async (manager) => {
      const group = manager.create(AttributeGroup, { name: body.name, collapsed: body.collapsed ?? false, sortOrder: body.order ?? (await manager.count(AttributeGroup)) });
      await manager.save(group);
      await this.audit.record(manager, actor, { entityType: ENTITY, entityId: group.id, action: 'create', changes: changesBetween(null, group, AUDITED) }, now);
      return toAttributeGroupView(group);
    });
  }

  async update(actor: Principal, id: number, body: UpdateAttributeGroupDto, now = new Date()): Promise<AttributeGroupView> {
    return this.dataSource.transaction(async (manager) => {
      const group = await this.load(manager, id);
      const before = { ...group };
      const { order, ...fields } = definedFields(body);
      Object.assign(group, fields, order === undefined ? {} : { sortOrder: order });
      await manager.save(group);
      await this.audit.record(manager, actor, { entityType: ENTITY, entityId: id, action: 'update', changes: changesBetween(before, group, AUDITED) }, now);
      return toAttributeGroupView(group);
    });
  }

  async remove(actor: Principal, id: number, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const group = await this.load(manager, id);
      if (await manager.existsBy(AttributeDefinition, { attributeGroupId: id })) throw inUse(`Attributes are in "${group.name}"; move them out first`, 'id', 'has attributes');
      await manager.remove(group);
      await this.audit.record(manager, actor, { entityType: ENTITY, entityId: id, action: 'delete', changes: changesBetween(group, {}, AUDITED) }, now);
    });
  }

  async reorder(actor: Principal, ids: number[], now = new Date()): Promise<AttributeGroupView[]> {
    return this.dataSource.transaction(async (manager) => {
      const groups = ids.length ? await manager.findBy(AttributeGroup, { id: In(ids) }) : [];
      if (groups.length !== ids.length || new Set(ids).size !== ids.length) throw badRequest('invalid_order', 'List existing attribute groups, each once', [{ path: 'ids', message: 'unknown or repeated group' }]);
      const byId = new Map(groups.map((group) => [group.id, group]));
      const ordered = ids.map((groupId) => byId.get(groupId)!);
      await applySortOrder(manager, this.audit, actor, ENTITY, ordered, now);
      return ordered.map(toAttributeGroupView);
    });
  }

  private async load(manager: EntityManager, id: number): Promise<AttributeGroup> {
    const group = await manager.findOneBy(AttributeGroup, { id });
    if (!group) throw notFound('Attribute group', id);
    return group;
  }
}
