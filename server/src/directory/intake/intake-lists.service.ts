import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changesBetween } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { badRequest, conflict, notFound } from '../../common/docket-error';
import { Page, pageOf } from '../../common/paging';
import { assertCodeFree, reorderRows, whereCodeOrName } from '../../dictionaries/catalog-writes';
import { definedFields } from '../../common/defined-fields';
import { CatalogListQuery } from '../../dictionaries/catalog.dto';
import { buildTree, byPosition, TreeNode, wouldCycle } from '../../dictionaries/hierarchy';
import { Channel } from '../entities/channel.entity';
import { ContactPlace } from '../entities/contact-place.entity';
import { ContactTemplate } from '../entities/contact-template.entity';
import { Direction } from '../entities/direction.entity';
import { PlaceKind } from '../entities/place-kind.entity';
import { CreateCodedEntryDto, CreateContactPlaceDto, UpdateCodedEntryDto, UpdateContactPlaceDto } from './intake.dto';

type CodedEntity = typeof PlaceKind | typeof Channel | typeof Direction;
type CodedRow = PlaceKind | Channel | Direction;

/** The flat code lists of intake, each one entry: its entity, its journal name and what refers to it. */
export const CODED_LISTS = {
  'place-kinds': { entity: PlaceKind, entityType: 'place_kind', label: 'place kind', templateColumn: 'placeKindId' },
  channels: { entity: Channel, entityType: 'channel', label: 'channel', templateColumn: 'channelId' },
  directions: { entity: Direction, entityType: 'direction', label: 'direction', templateColumn: 'directionId' },
} as const satisfies Record<string, { entity: CodedEntity; entityType: string; label: string; templateColumn: keyof ContactTemplate }>;

export type CodedListName = keyof typeof CODED_LISTS;

const CODED_FIELDS: (keyof CodedRow)[] = ['code', 'name', 'active', 'position'];
const PLACE_FIELDS: (keyof ContactPlace)[] = ['code', 'name', 'parentId', 'kindId', 'active', 'position'];

/** Place kinds, channels, directions and the tree of contact places. */
@Injectable()
export class IntakeListsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(name: CodedListName, query: CatalogListQuery): Promise<Page<CodedRow>> {
    const builder = whereCodeOrName(this.dataSource.getRepository<CodedRow>(CODED_LISTS[name].entity).createQueryBuilder('e'), 'e', query.q).orderBy('e.position').addOrderBy('e.code');
    if (query.active !== undefined) builder.andWhere('e.active = :active', { active: query.active });
    return pageOf(builder, query);
  }

  async create(actor: Principal | null, name: CodedListName, body: CreateCodedEntryDto): Promise<CodedRow> {
    const { entity, entityType, label } = CODED_LISTS[name];
    return this.dataSource.transaction(async (manager) => {
      await assertCodeFree<CodedRow>(manager, entity, { code: body.code }, label, body.code);
      const row = manager.create(entity as typeof Channel, { active: true, position: 0, ...definedFields(body) }) as CodedRow;
      await manager.save(row);
      await this.audit.record(manager, actor, { entityType, entityId: row.id, action: 'create', changes: changesBetween(null, row, CODED_FIELDS) });
      return row;
    });
  }

  async update(actor: Principal, name: CodedListName, id: number, body: UpdateCodedEntryDto): Promise<CodedRow> {
    const { entity, entityType, label } = CODED_LISTS[name];
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOneBy<CodedRow>(entity, { id });
      if (!row) throw notFound(label, id);
      const before = { ...row };
      Object.assign(row, definedFields(body));
      await manager.save(row);
      await this.audit.record(manager, actor, { entityType, entityId: id, action: 'update', changes: changesBetween(before, row, CODED_FIELDS) });
      return row;
    });
  }

  async remove(actor: Principal, name: CodedListName, id: number): Promise<void> {
    const { entity, entityType, label, templateColumn } = CODED_LISTS[name];
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOneBy<CodedRow>(entity, { id });
      if (!row) throw notFound(label, id);
      const inUse = (await manager.existsBy(ContactTemplate, { [templateColumn]: id })) || (name === 'place-kinds' && (await manager.existsBy(ContactPlace, { kindId: id })));
      if (inUse) throw conflict('in_use', `The ${label} "${row.code}" is in use; deactivate it instead`, [{ path: 'id', message: 'in use' }]);
      await manager.delete(entity, { id });
      await this.audit.record(manager, actor, { entityType, entityId: id, action: 'delete', changes: changesBetween(row, {}, CODED_FIELDS) });
    });
  }

  async reorder(actor: Principal, name: CodedListName, ids: number[]): Promise<void> {
    const { entity, entityType } = CODED_LISTS[name];
    await this.dataSource.transaction(async (manager) => {
      const order = await reorderRows<CodedRow>(manager, entity, ids);
      await this.audit.record(manager, actor, { entityType, entityId: '*', action: 'reorder', changes: [{ field: 'order', ...order }] });
    });
  }

  async places(view: 'flat' | 'tree', activeOnly: boolean): Promise<ContactPlace[] | TreeNode<ContactPlace>[]> {
    const all = await this.dataSource.getRepository(ContactPlace).find();
    const shown = activeOnly ? all.filter((place) => place.active) : all;
    return view === 'tree' ? buildTree(shown) : [...shown].sort(byPosition);
  }

  async createPlace(actor: Principal | null, body: CreateContactPlaceDto): Promise<ContactPlace> {
    return this.dataSource.transaction(async (manager) => {
      await assertCodeFree(manager, ContactPlace, { code: body.code }, 'contact place', body.code);
      await this.checkPlace(manager, null, body);
      const place = manager.create(ContactPlace, { parentId: null, kindId: null, active: true, position: 0, ...definedFields(body) });
      await manager.save(place);
      await this.audit.record(manager, actor, { entityType: 'contact_place', entityId: place.id, action: 'create', changes: changesBetween(null, place, PLACE_FIELDS) });
      return place;
    });
  }

  async updatePlace(actor: Principal, id: number, body: UpdateContactPlaceDto): Promise<ContactPlace> {
    return this.dataSource.transaction(async (manager) => {
      const place = await manager.findOneBy(ContactPlace, { id });
      if (!place) throw notFound('Contact place', id);
      await this.checkPlace(manager, id, body);
      const before = { ...place };
      Object.assign(place, definedFields(body));
      await manager.save(place);
      await this.audit.record(manager, actor, { entityType: 'contact_place', entityId: id, action: 'update', changes: changesBetween(before, place, PLACE_FIELDS) });
      return place;
    });
  }

  async removePlace(actor: Principal, id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const place = await manager.findOneBy(ContactPlace, { id });
      if (!place) throw notFound('Contact place', id);
      if (await manager.existsBy(ContactPlace, { parentId: id })) throw conflict('has_children', `The place "${place.code}" has places below it`, [{ path: 'id', message: 'has children' }]);
      const templates = await manager.find(ContactTemplate);
      if (templates.some((template) => template.defaultPlaceId === id || template.allowedPlaceIds.includes(id))) {
        throw conflict('in_use', `The place "${place.code}" is used by a contact template; deactivate it instead`, [{ path: 'id', message: 'in use' }]);
      }
      await manager.delete(ContactPlace, { id });
      await this.audit.record(manager, actor, { entityType: 'contact_place', entityId: id, action: 'delete', changes: changesBetween(place, {}, PLACE_FIELDS) });
    });
  }

  async reorderPlaces(actor: Principal, ids: number[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const order = await reorderRows(manager, ContactPlace, ids);
      await this.audit.record(manager, actor, { entityType: 'contact_place', entityId: '*', action: 'reorder', changes: [{ field: 'order', ...order }] });
    });
  }

  private async checkPlace(manager: EntityManager, id: number | null, body: UpdateContactPlaceDto): Promise<void> {
    if (body.kindId != null && !(await manager.existsBy(PlaceKind, { id: body.kindId }))) {
      throw badRequest('unknown_place_kind', `Unknown place kind ${body.kindId}`, [{ path: 'kindId', message: 'unknown place kind' }]);
    }
    if (body.parentId == null) return;
    const places = await manager.find(ContactPlace);
    if (!places.some((place) => place.id === body.parentId)) throw badRequest('unknown_place', `Unknown parent place ${body.parentId}`, [{ path: 'parentId', message: 'unknown place' }]);
    if (id !== null && wouldCycle(id, body.parentId, new Map(places.map((place) => [place.id, place.parentId])))) {
      throw badRequest('cycle', 'A place cannot be placed under itself', [{ path: 'parentId', message: 'would form a cycle' }]);
    }
  }
}
