import { definedFields } from '../common/defined-fields';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService, changesBetween } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest, notFound } from '../common/docket-error';
import { Page, pageOf } from '../common/paging';
import { escapeLike, LIKE_ESCAPE } from '../common/sql-like';
import { RequestValue } from '../requests/entities/request-value.entity';
import { assertValidChange, NEW_ID } from './configuration/configuration-guard';
import { attributeDef, withReplaced } from './configuration/configuration.repository';
import { AttributeQuery, AttributeView, CreateAttributeDto, toAttributeView, UpdateAttributeDto } from './dto/attribute.dto';
import { AttributeBinding } from './entities/attribute-binding.entity';
import { AttributeDefinition } from './entities/attribute-definition.entity';
import { AttributeGroup } from './entities/attribute-group.entity';
import { ListColumnService } from './list-column.service';
import { duplicateCode, inUse, unknownReference } from './topics.errors';
import { applySortOrder } from './sort-order';

const AUDITED: (keyof AttributeDefinition)[] = [
  'code', 'name', 'description', 'valueType', 'scale', 'dictionaryCode', 'queryCode', 'multiple', 'defaultValue', 'required', 'hidden', 'readOnly',
  'mask', 'regex', 'min', 'max', 'active', 'listColumn', 'sortOrder', 'attributeGroupId',
];
const ENTITY = 'attribute';
/** What stored values depend on: not changed once an attribute holds values. */
const STORAGE_FIELDS = ['valueType', 'multiple'] as const;

@Injectable()
export class AttributesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly listColumns: ListColumnService,
  ) {}

  async list(query: AttributeQuery): Promise<Page<AttributeView>> {
    const builder = this.dataSource.getRepository(AttributeDefinition).createQueryBuilder('attribute').orderBy('attribute.sortOrder', 'ASC').addOrderBy('attribute.id', 'ASC');
    if (query.valueType) builder.andWhere('attribute.valueType = :valueType', { valueType: query.valueType });
    if (query.active !== undefined) builder.andWhere('attribute.active = :active', { active: query.active });
    if (query.listColumn !== undefined) builder.andWhere('attribute.listColumn = :listColumn', { listColumn: query.listColumn });
    if (query.attributeGroupId !== undefined) builder.andWhere('attribute.attributeGroupId = :groupId', { groupId: query.attributeGroupId });
    if (query.search) builder.andWhere(`(attribute.code LIKE :search ${LIKE_ESCAPE} OR attribute.name LIKE :search ${LIKE_ESCAPE})`, { search: `%${escapeLike(query.search)}%` });
    return pageOf(builder, query, (rows) => rows.map(toAttributeView));
  }

  async get(id: number): Promise<AttributeView> {
    return toAttributeView(await this.load(this.dataSource.manager, id));
  }

  async create(actor: Principal, body: CreateAttributeDto, now = new Date()): Promise<AttributeView> {
    const { order, ...fields } = definedFields(body) as CreateAttributeDto;
    if (fields.listColumn) await this.listColumns.assertFreeSlot(fields.valueType);
    const created = await this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(AttributeDefinition, { code: body.code })) throw duplicateCode('attribute', body.code);
      await this.checkGroup(manager, fields.attributeGroupId);
      const attribute = manager.create(AttributeDefinition, {
        description: null, scale: null, dictionaryCode: null, queryCode: null, multiple: false, defaultValue: null, required: false, hidden: false, readOnly: false,
        mask: null, regex: null, min: null, max: null, active: true, listColumn: false, attributeGroupId: null,
        ...fields,
        sortOrder: order ?? (await manager.count(AttributeDefinition)),
      });
      await assertValidChange(manager, (current) => ({ ...current, attributes: [...current.attributes, attributeDef({ ...attribute, id: NEW_ID })] }), { attributeIds: [NEW_ID] });
      await manager.save(attribute);
      await this.audit.record(manager, actor, { entityType: ENTITY, entityId: attribute.id, action: 'create', changes: changesBetween(null, attribute, AUDITED) }, now);
      return attribute;
    });
    if (created.listColumn) await this.listColumns.onListColumnChanged(created.id, true);
    return toAttributeView(created);
  }

  async update(actor: Principal, id: number, body: UpdateAttributeDto, now = new Date()): Promise<AttributeView> {
    const { order, ...fields } = definedFields(body);
    const { attribute, before } = await this.dataSource.transaction(async (manager) => {
      const attribute = await this.load(manager, id);
      const before = { ...attribute };
      Object.assign(attribute, fields, order === undefined ? {} : { sortOrder: order });
      await this.checkStorageChange(manager, before, attribute);
      await this.checkGroup(manager, fields.attributeGroupId);
      if (attribute.listColumn && !before.listColumn) await this.listColumns.assertFreeSlot(attribute.valueType);
      await assertValidChange(manager, (current) => ({ ...current, attributes: withReplaced(current.attributes, attributeDef(attribute)) }), { attributeIds: [id] });
      await manager.save(attribute);
      await this.audit.record(manager, actor, { entityType: ENTITY, entityId: id, action: 'update', changes: changesBetween(before, attribute, AUDITED) }, now);
      return { attribute, before };
    });
    if (attribute.listColumn !== before.listColumn) await this.listColumns.onListColumnChanged(id, attribute.listColumn);
    return toAttributeView(attribute);
  }

  async setActive(actor: Principal, id: number, active: boolean, now = new Date()): Promise<AttributeView> {
    return this.update(actor, id, { active }, now);
  }

  /** Only an attribute no topic uses and no request holds can go; deactivate the others. */
  async remove(actor: Principal, id: number, now = new Date()): Promise<void> {
    const removed = await this.dataSource.transaction(async (manager) => {
      const attribute = await this.load(manager, id);
      if (await manager.existsBy(AttributeBinding, { attributeId: id })) throw inUse(`"${attribute.code}" is bound to topics; unbind it first`, 'id', 'bound to topics');
      if (await manager.existsBy(RequestValue, { attributeId: id })) throw inUse(`Requests hold values of "${attribute.code}"; deactivate it instead`, 'id', 'has values');
      await manager.remove(attribute);
      await this.audit.record(manager, actor, { entityType: ENTITY, entityId: id, action: 'delete', changes: changesBetween(attribute, {}, AUDITED) }, now);
      return attribute;
    });
    if (removed.listColumn) await this.listColumns.onListColumnChanged(id, false);
  }

  async reorder(actor: Principal, ids: number[], now = new Date()): Promise<AttributeView[]> {
    return this.dataSource.transaction(async (manager) => {
      const attributes = ids.length ? await manager.findBy(AttributeDefinition, { id: In(ids) }) : [];
      if (attributes.length !== ids.length || new Set(ids).size !== ids.length) throw badRequest('invalid_order', 'List existing attributes, each once', [{ path: 'ids', message: 'unknown or repeated attribute' }]);
      const byId = new Map(attributes.map((attribute) => [attribute.id, attribute]));
      const ordered = ids.map((attributeId) => byId.get(attributeId)!);
      await applySortOrder(manager, this.audit, actor, ENTITY, ordered, now);
      return ordered.map(toAttributeView);
    });
  }

  private async load(manager: EntityManager, id: number): Promise<AttributeDefinition> {
    const attribute = await manager.findOneBy(AttributeDefinition, { id });
    if (!attribute) throw notFound('Attribute', id);
    return attribute;
  }

  private async checkGroup(manager: EntityManager, groupId: number | null | undefined): Promise<void> {
    if (groupId != null && !(await manager.existsBy(AttributeGroup, { id: groupId }))) throw unknownReference('attribute group', groupId, 'attributeGroupId');
  }

  /** Stored values and list-column slots are typed: the type of an attribute in use stays. */
  private async checkStorageChange(manager: EntityManager, before: AttributeDefinition, after: AttributeDefinition): Promise<void> {
    const changed = STORAGE_FIELDS.filter((field) => before[field] !== after[field]);
    if (!changed.length) return;
    if (before.listColumn || after.listColumn) throw inUse(`"${before.code}" is a list column; stop showing it as one before changing its ${changed.join(' and ')}`, changed[0], 'list column');
    if (await manager.existsBy(RequestValue, { attributeId: before.id })) throw inUse(`Requests hold values of "${before.code}"; its ${changed.join(' and ')} cannot change`, changed[0], 'has values');
  }
}
