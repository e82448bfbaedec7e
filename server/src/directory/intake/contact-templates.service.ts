import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService, changesBetween } from '../../audit/audit.service';
import { User } from '../../auth/entities/user.entity';
import type { Principal } from '../../auth/principal';
import { badRequest, ErrorDetail, notFound } from '../../common/docket-error';
import { Page, pageOf } from '../../common/paging';
import { assertCodeFree, whereCodeOrName } from '../../dictionaries/catalog-writes';
import { definedFields } from '../../common/defined-fields';
import { CatalogListQuery } from '../../dictionaries/catalog.dto';
import { Channel } from '../entities/channel.entity';
import { ContactPlace } from '../entities/contact-place.entity';
import { ContactTemplateOperator } from '../entities/contact-template-operator.entity';
import { ContactTemplate } from '../entities/contact-template.entity';
import { Direction } from '../entities/direction.entity';
import { PlaceKind } from '../entities/place-kind.entity';
import { CreateContactTemplateDto, UpdateContactTemplateDto } from './intake.dto';

export interface TemplateView extends ContactTemplate {
  operatorIds: number[];
}

/** A template as an operator's contact form reads it: the referenced rows, not only their ids. */
export interface ResolvedTemplate extends TemplateView {
  placeKind: PlaceKind | null;
  allowedPlaces: ContactPlace[];
  defaultPlace: ContactPlace | null;
  direction: Direction | null;
  channel: Channel | null;
}

const AUDITED: (keyof TemplateView)[] = [
  'code', 'name', 'placeKindId', 'allowedPlaceIds', 'defaultPlaceId', 'directionId', 'channelId',
  'allowedTopicIds', 'defaultTopicId', 'allowedClientCategories', 'defaultClientCategory', 'operatorIds', 'active', 'position',
];

@Injectable()
export class ContactTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: CatalogListQuery): Promise<Page<TemplateView>> {
    const builder = whereCodeOrName(this.dataSource.getRepository(ContactTemplate).createQueryBuilder('t'), 't', query.q).orderBy('t.position').addOrderBy('t.code');
    if (query.active !== undefined) builder.andWhere('t.active = :active', { active: query.active });
    return pageOf(builder, query, (rows) => this.views(this.dataSource.manager, rows));
  }

  async get(id: number): Promise<TemplateView> {
    return (await this.views(this.dataSource.manager, [await this.load(this.dataSource.manager, id)]))[0];
  }

  /** The active templates given to this operator, resolved for the contact form. */
  async mine(actor: Principal): Promise<ResolvedTemplate[]> {
    const manager = this.dataSource.manager;
    const links = await manager.findBy(ContactTemplateOperator, { userId: actor.userId });
    if (!links.length) return [];
    const templates = await manager.find(ContactTemplate, { where: { id: In(links.map((link) => link.templateId)), active: true }, order: { position: 'ASC', code: 'ASC' } });
    const views = await this.views(manager, templates);
    const placeIds = [...new Set(templates.flatMap((template) => [...template.allowedPlaceIds, ...(template.defaultPlaceId ? [template.defaultPlaceId] : [])]))];
    const places = new Map((placeIds.length ? await manager.findBy(ContactPlace, { id: In(placeIds) }) : []).map((place) => [place.id, place]));
    const byId = async <T extends { id: number }>(entity: new () => T, id: number | null) => (id === null ? null : await manager.findOneBy<T>(entity, { id } as never));
    return Promise.all(
      views.map(async (view) => ({
        ...view,
        placeKind: await byId(PlaceKind, view.placeKindId),
        allowedPlaces: view.allowedPlaceIds.map((id) => places.get(id)).filter((place): place is ContactPlace => !!place && place.active),
        defaultPlace: view.defaultPlaceId === null ? null : (places.get(view.defaultPlaceId) ?? null),
        direction: await byId(Direction, view.directionId),
        channel: await byId(Channel, view.channelId),
      })),
    );
  }

  async create(actor: Principal | null, body: CreateContactTemplateDto): Promise<TemplateView> {
    return this.dataSource.transaction(async (manager) => {
      await assertCodeFree(manager, ContactTemplate, { code: body.code }, 'contact template', body.code);
      const { operatorIds = [], ...fields } = definedFields(body);
      const template = manager.create(ContactTemplate, {
        placeKindId: null, allowedPlaceIds: [], defaultPlaceId: null, directionId: null, channelId: null, allowedTopicIds: [],
        defaultTopicId: null, allowedClientCategories: [], defaultClientCategory: null, active: true, position: 0, ...fields,
      });
      await this.check(manager, template, operatorIds);
      await manager.save(template);
      await this.setOperators(manager, template.id, operatorIds);
      const view = { ...template, operatorIds: [...operatorIds].sort((a, b) => a - b) };
      await this.audit.record(manager, actor, { entityType: 'contact_template', entityId: template.id, action: 'create', changes: changesBetween(null, view, AUDITED) });
      return view;
    });
  }

  async update(actor: Principal, id: number, body: UpdateContactTemplateDto): Promise<TemplateView> {
    return this.dataSource.transaction(async (manager) => {
      const template = await this.load(manager, id);
      const [before] = await this.views(manager, [template]);
      const { operatorIds, ...fields } = definedFields(body);
      Object.assign(template, fields);
      await this.check(manager, template, operatorIds ?? before.operatorIds);
      await manager.save(template);
      if (operatorIds) await this.setOperators(manager, id, operatorIds);
      const [after] = await this.views(manager, [template]);
      await this.audit.record(manager, actor, { entityType: 'contact_template', entityId: id, action: 'update', changes: changesBetween(before, after, AUDITED) });
      return after;
    });
  }

  async remove(actor: Principal, id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [view] = await this.views(manager, [await this.load(manager, id)]);
      await manager.delete(ContactTemplateOperator, { templateId: id });
      await manager.delete(ContactTemplate, { id });
      await this.audit.record(manager, actor, { entityType: 'contact_template', entityId: id, action: 'delete', changes: changesBetween(view, {}, AUDITED) });
    });
  }

  private async load(manager: EntityManager, id: number): Promise<ContactTemplate> {
    const template = await manager.findOneBy(ContactTemplate, { id });
    if (!template) throw notFound('Contact template', id);
    return template;
  }

  private async views(manager: EntityManager, templates: ContactTemplate[]): Promise<TemplateView[]> {
    const links = templates.length ? await manager.findBy(ContactTemplateOperator, { templateId: In(templates.map((template) => template.id)) }) : [];
    return templates.map((template) => ({
      ...template,
      operatorIds: links.filter((link) => link.templateId === template.id).map((link) => link.userId).sort((a, b) => a - b),
    }));
  }

  private async setOperators(manager: EntityManager, templateId: number, userIds: number[]): Promise<void> {
    await manager.delete(ContactTemplateOperator, { templateId });
    if (userIds.length) await manager.insert(ContactTemplateOperator, [...new Set(userIds)].map((userId) => ({ templateId, userId })));
  }

  /** References exist, allowed places are of the template's kind, and every default lies within its allowed list. */
  private async check(manager: EntityManager, template: ContactTemplate, operatorIds: number[]): Promise<void> {
    const errors: ErrorDetail[] = [];
    const missing = async <T extends { id: number }>(entity: new () => T, ids: number[]) => {
      const unique = [...new Set(ids)];
      if (!unique.length) return [];
      const found = await manager.findBy<T>(entity, { id: In(unique) } as never);
      return unique.filter((id) => !found.some((row) => row.id === id));
    };
    for (const [path, entity, ids] of [
      ['placeKindId', PlaceKind, template.placeKindId === null ? [] : [template.placeKindId]],
      ['directionId', Direction, template.directionId === null ? [] : [template.directionId]],
      ['channelId', Channel, template.channelId === null ? [] : [template.channelId]],
      ['allowedPlaceIds', ContactPlace, template.allowedPlaceIds],
      ['defaultPlaceId', ContactPlace, template.defaultPlaceId === null ? [] : [template.defaultPlaceId]],
      ['operatorIds', User, operatorIds],
    ] as const) {
      const unknown = await missing(entity as new () => { id: number }, [...ids]);
      if (unknown.length) errors.push({ path, message: `unknown: ${unknown.join(', ')}` });
    }
    const within = <T>(path: string, value: T | null, allowed: T[]) => {
      if (value !== null && allowed.length && !allowed.includes(value)) errors.push({ path, message: 'must be one of the allowed values' });
    };
    within('defaultPlaceId', template.defaultPlaceId, template.allowedPlaceIds);
    within('defaultTopicId', template.defaultTopicId, template.allowedTopicIds);
    within('defaultClientCategory', template.defaultClientCategory, template.allowedClientCategories);
    if (template.placeKindId !== null && !errors.length) {
      const placeIds = [...template.allowedPlaceIds, ...(template.defaultPlaceId === null ? [] : [template.defaultPlaceId])];
      const places = placeIds.length ? await manager.findBy(ContactPlace, { id: In(placeIds) }) : [];
      const wrongKind = places.filter((place) => place.kindId !== template.placeKindId).map((place) => place.id);
      if (wrongKind.length) errors.push({ path: 'allowedPlaceIds', message: `not of the template's place kind: ${wrongKind.join(', ')}` });
    }
    if (errors.length) throw badRequest('invalid_template', 'The contact template is not valid', errors);
  }
}
