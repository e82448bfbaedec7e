import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { AuditService, changesBetween } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, notFound } from '../common/docket-error';
import { Page, pageOf } from '../common/paging';
import { assertCodeFree, reorderRows, whereCodeOrName } from './catalog-writes';
import { definedFields } from '../common/defined-fields';
import { CatalogListQuery } from './catalog.dto';
import { CreateDictionaryDto, CreateDictionaryItemDto, UpdateDictionaryDto, UpdateDictionaryItemDto } from './dictionaries.dto';
import { DictionaryItem } from './entities/dictionary-item.entity';
import { Dictionary } from './entities/dictionary.entity';
import { buildTree, byPosition, isUnder, ParentMap, parentMap, TreeNode, wouldCycle } from './hierarchy';

const DICTIONARY_FIELDS: (keyof Dictionary)[] = ['code', 'name', 'description', 'hierarchical', 'active', 'position'];
const ITEM_FIELDS: (keyof ItemView)[] = ['code', 'name', 'parentCode', 'active', 'position'];

export interface ItemView extends DictionaryItem {
  parentCode: string | null;
}

/** What the rule engine's hierarchical `in` reads: `{ dictCode: { itemCode: parentCode | null } }`. */
export type DictionaryHierarchies = Record<string, ParentMap>;

@Injectable()
export class DictionariesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: CatalogListQuery): Promise<Page<Dictionary>> {
    const builder = whereCodeOrName(this.dataSource.getRepository(Dictionary).createQueryBuilder('d'), 'd', query.q).orderBy('d.position').addOrderBy('d.code');
    if (query.active !== undefined) builder.andWhere('d.active = :active', { active: query.active });
    return pageOf(builder, query);
  }

  get(id: number): Promise<Dictionary> {
    return this.load(this.dataSource.manager, id);
  }

  async items(id: number, view: 'flat' | 'tree', activeOnly: boolean): Promise<ItemView[] | TreeNode<ItemView>[]> {
    await this.load(this.dataSource.manager, id);
    const all = await this.itemViews(this.dataSource.manager, id);
    // An inactive node hides its whole branch from new choices.
    const byId = new Map(all.map((item) => [item.id, item]));
    const shown = activeOnly ? all.filter((item) => activeChain(item, byId)) : all;
    return view === 'tree' ? buildTree(shown) : [...shown].sort(byPosition);
  }

  async isUnder(id: number, value: string, ancestor: string): Promise<{ value: string; ancestor: string; under: boolean }> {
    const dictionary = await this.load(this.dataSource.manager, id);
    const hierarchy = await this.hierarchies([dictionary.code]);
    return { value, ancestor, under: isUnder(hierarchy[dictionary.code], value, ancestor) };
  }

  /** Parent maps of the named dictionaries (every dictionary when no codes are given), for rule evaluation. */
  async hierarchies(codes?: string[]): Promise<DictionaryHierarchies> {
    const dictionaries = await this.dataSource.getRepository(Dictionary).find({ where: codes ? { code: In(codes) } : {} });
    if (!dictionaries.length) return {};
    const items = await this.dataSource.getRepository(DictionaryItem).find({ where: { dictionaryId: In(dictionaries.map((d) => d.id)) } });
    return Object.fromEntries(dictionaries.map((d) => [d.code, parentMap(items.filter((item) => item.dictionaryId === d.id))]));
  }

  async create(actor: Principal | null, body: CreateDictionaryDto): Promise<Dictionary> {
    return this.dataSource.transaction(async (manager) => {
      await assertCodeFree(manager, Dictionary, { code: body.code }, 'dictionary', body.code);
      const dictionary = manager.create(Dictionary, { description: '', hierarchical: false, active: true, position: 0, ...definedFields(body) });
      await manager.save(dictionary);
      await this.audit.record(manager, actor, { entityType: 'dictionary', entityId: dictionary.id, action: 'create', changes: changesBetween(null, dictionary, DICTIONARY_FIELDS) });
      return dictionary;
    });
  }

  async update(actor: Principal, id: number, body: UpdateDictionaryDto): Promise<Dictionary> {
    return this.dataSource.transaction(async (manager) => {
      const dictionary = await this.load(manager, id);
      if (body.hierarchical === false && dictionary.hierarchical && (await manager.existsBy(DictionaryItem, { dictionaryId: id, parentId: Not(IsNull()) }))) {
        throw conflict('has_hierarchy', 'Items of this dictionary have parents; move them to the top level first', [{ path: 'hierarchical', message: 'items have parents' }]);
      }
      const before = { ...dictionary };
      Object.assign(dictionary, definedFields(body));
      await manager.save(dictionary);
      await this.audit.record(manager, actor, { entityType: 'dictionary', entityId: id, action: 'update', changes: changesBetween(before, dictionary, DICTIONARY_FIELDS) });
      return dictionary;
    });
  }

  async remove(actor: Principal, id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const dictionary = await this.load(manager, id);
      const items = await manager.countBy(DictionaryItem, { dictionaryId: id });
      await manager.delete(DictionaryItem, { dictionaryId: id });
      await manager.delete(Dictionary, { id });
      await this.audit.record(manager, actor, {
        entityType: 'dictionary',
        entityId: id,
        action: 'delete',
        changes: [...changesBetween(dictionary, {}, DICTIONARY_FIELDS), { field: 'itemCount', old: items, new: null }],
      });
    });
  }

  async reorder(actor: Principal, ids: number[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const order = await reorderRows(manager, Dictionary, ids);
      await this.audit.record(manager, actor, { entityType: 'dictionary', entityId: '*', action: 'reorder', changes: [{ field: 'order', ...order }] });
    });
  }

  async createItem(actor: Principal | null, id: number, body: CreateDictionaryItemDto): Promise<ItemView> {
    return this.dataSource.transaction(async (manager) => {
      const dictionary = await this.load(manager, id);
      await assertCodeFree(manager, DictionaryItem, { dictionaryId: id, code: body.code }, 'item', body.code);
      const parentId = await this.parentIdOf(manager, dictionary, null, body.parentCode ?? null);
      const item = manager.create(DictionaryItem, { dictionaryId: id, code: body.code, name: body.name, parentId, active: body.active ?? true, position: body.position ?? 0 });
      await manager.save(item);
      const view: ItemView = { ...item, parentCode: body.parentCode ?? null };
      await this.audit.record(manager, actor, { entityType: 'dictionary_item', entityId: item.id, action: 'create', changes: changesBetween(null, view, ITEM_FIELDS) });
      return view;
    });
  }

  async updateItem(actor: Principal, id: number, itemId: number, body: UpdateDictionaryItemDto): Promise<ItemView> {
    return this.dataSource.transaction(async (manager) => {
      const dictionary = await this.load(manager, id);
      const items = await this.itemViews(manager, id);
      const item = items.find((candidate) => candidate.id === itemId);
      if (!item) throw notFound('Dictionary item', itemId);
      const before = { ...item };
      const { parentCode, ...rest } = body;
      if (parentCode !== undefined) {
        item.parentId = await this.parentIdOf(manager, dictionary, itemId, parentCode);
        item.parentCode = parentCode;
      }
      Object.assign(item, definedFields(rest));
      const { parentCode: _derived, ...row } = item;
      await manager.save(DictionaryItem, row);
      await this.audit.record(manager, actor, { entityType: 'dictionary_item', entityId: itemId, action: 'update', changes: changesBetween(before, item, ITEM_FIELDS) });
      return item;
    });
  }

  async removeItem(actor: Principal, id: number, itemId: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.load(manager, id);
      const item = await manager.findOneBy(DictionaryItem, { id: itemId, dictionaryId: id });
      if (!item) throw notFound('Dictionary item', itemId);
      if (await manager.existsBy(DictionaryItem, { parentId: itemId })) {
        throw conflict('has_children', `The item "${item.code}" has children; move or remove them first`, [{ path: 'id', message: 'has children' }]);
      }
      await manager.delete(DictionaryItem, { id: itemId });
      await this.audit.record(manager, actor, { entityType: 'dictionary_item', entityId: itemId, action: 'delete', changes: changesBetween(item, {}, ['code', 'name', 'parentId', 'active', 'position']) });
    });
  }

  async reorderItems(actor: Principal, id: number, ids: number[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.load(manager, id);
      const order = await reorderRows(manager, DictionaryItem, ids, { dictionaryId: id });
      await this.audit.record(manager, actor, { entityType: 'dictionary', entityId: id, action: 'reorder_items', changes: [{ field: 'order', ...order }] });
    });
  }

  /** Looks a dictionary up by code, for seeding and for other modules. */
  findByCode(code: string): Promise<Dictionary | null> {
    return this.dataSource.getRepository(Dictionary).findOneBy({ code });
  }

  private async load(manager: EntityManager, id: number): Promise<Dictionary> {
    const dictionary = await manager.findOneBy(Dictionary, { id });
    if (!dictionary) throw notFound('Dictionary', id);
    return dictionary;
  }

  private async itemViews(manager: EntityManager, dictionaryId: number): Promise<ItemView[]> {
    const items = await manager.findBy(DictionaryItem, { dictionaryId });
    const codeById = new Map(items.map((item) => [item.id, item.code]));
    return items.map((item) => ({ ...item, parentCode: item.parentId === null ? null : (codeById.get(item.parentId) ?? null) }));
  }

  private async parentIdOf(manager: EntityManager, dictionary: Dictionary, itemId: number | null, parentCode: string | null): Promise<number | null> {
    if (parentCode === null) return null;
    if (!dictionary.hierarchical) throw badRequest('not_hierarchical', `The dictionary "${dictionary.code}" is flat`, [{ path: 'parentCode', message: 'this dictionary has no hierarchy' }]);
    const items = await manager.findBy(DictionaryItem, { dictionaryId: dictionary.id });
    const parent = items.find((item) => item.code === parentCode);
    if (!parent) throw badRequest('unknown_item', `Unknown parent item "${parentCode}"`, [{ path: 'parentCode', message: 'unknown item' }]);
    if (itemId !== null && wouldCycle(itemId, parent.id, new Map(items.map((item) => [item.id, item.parentId])))) {
      throw badRequest('cycle', 'An item cannot be placed under itself', [{ path: 'parentCode', message: 'would form a cycle' }]);
    }
    return parent.id;
  }
}

function activeChain(item: ItemView, byId: ReadonlyMap<number, ItemView>): boolean {
  const seen = new Set<number>();
  for (let current: ItemView | undefined = item; current && !seen.has(current.id); current = current.parentId === null ? undefined : byId.get(current.parentId)) {
    if (!current.active) return false;
    seen.add(current.id);
  }
  return true;
}
