import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { AuditService, changesBetween } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest, conflict } from '../common/docket-error';
import { definedFields } from '../common/defined-fields';
import { Page, pageOf } from '../common/paging';
import { escapeLike, LIKE_ESCAPE } from '../common/sql-like';
import { TopicNode } from '../topics/entities/topic-node.entity';
import { CreateRouteDto, RouteListQuery, UpdateRouteDto } from './dto/route.dto';
import { Route } from './entities/route.entity';
import { RouteVersion } from './entities/route-version.entity';
import { loadRoute } from './route-store';

const AUDITED_FIELDS: (keyof Route)[] = ['code', 'name', 'description', 'active', 'topicIds'];

export interface RouteView extends Route {
  /** The version new requests start on, if any. */
  publishedVersion: number | null;
  draftVersion: number | null;
}

/** Routes themselves: code, name, the topics bound to them, active or not. Their content is in versions. */
@Injectable()
export class RoutesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: RouteListQuery): Promise<Page<RouteView>> {
    const builder = this.dataSource.getRepository(Route).createQueryBuilder('r').orderBy('r.code', 'ASC');
    if (query.search) {
      const pattern = `%${escapeLike(query.search)}%`;
      builder.andWhere(new Brackets((where) => where.where(`r.code LIKE :pattern ${LIKE_ESCAPE}`, { pattern }).orWhere(`r.name LIKE :pattern ${LIKE_ESCAPE}`, { pattern })));
    }
    if (query.active !== undefined) builder.andWhere('r.active = :active', { active: query.active });
    return pageOf(builder, query, (rows) => this.views(this.dataSource.manager, rows));
  }

  async get(id: number): Promise<RouteView> {
    const manager = this.dataSource.manager;
    return (await this.views(manager, [await loadRoute(manager, id)]))[0];
  }

  async create(actor: Principal, body: CreateRouteDto, now = new Date()): Promise<RouteView> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(Route, { code: body.code })) throw conflict('duplicate', `The route code "${body.code}" is taken`, [{ path: 'code', message: 'already taken' }]);
      const route = manager.create(Route, { description: null, active: true, ...definedFields(body), topicIds: unique(body.topicIds), createdAt: now, updatedAt: now });
      await this.checkTopics(manager, route);
      await manager.save(route);
      await this.audit.record(manager, actor, { entityType: 'route', entityId: route.id, action: 'create', changes: changesBetween(null, route, AUDITED_FIELDS) }, now);
      return { ...route, publishedVersion: null, draftVersion: null };
    });
  }

  async update(actor: Principal, id: number, body: UpdateRouteDto, now = new Date()): Promise<RouteView> {
    return this.dataSource.transaction(async (manager) => {
      const route = await loadRoute(manager, id);
      const before = { ...route };
      Object.assign(route, definedFields(body), body.topicIds ? { topicIds: unique(body.topicIds) } : {}, { updatedAt: now });
      await this.checkTopics(manager, route);
      await manager.save(route);
      await this.audit.record(manager, actor, { entityType: 'route', entityId: id, action: 'update', changes: changesBetween(before, route, AUDITED_FIELDS) }, now);
      return (await this.views(manager, [route]))[0];
    });
  }

  /** Only a route that never published a version: none of its versions can have requests on it. */
  async remove(actor: Principal, id: number, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const route = await loadRoute(manager, id);
      if (await manager.exists(RouteVersion, { where: { routeId: id, state: In(['published', 'retired']) } })) {
        throw conflict('route_in_use', `Route ${route.code} has published versions that requests may be on; deactivate it instead`, [{ path: 'id', message: 'has published versions' }]);
      }
      await manager.delete(RouteVersion, { routeId: id });
      await manager.delete(Route, { id });
      await this.audit.record(manager, actor, { entityType: 'route', entityId: id, action: 'delete', changes: changesBetween(route, {}, AUDITED_FIELDS) }, now);
    });
  }

  /** Every id is a topic, and none is bound to another active route: a new request must find one route. */
  private async checkTopics(manager: EntityManager, route: Route): Promise<void> {
    if (route.topicIds.length === 0) return;
    const topics = await manager.findBy(TopicNode, { id: In(route.topicIds), kind: 'topic' });
    const known = new Set(topics.map((topic) => topic.id));
    const unknown = route.topicIds.flatMap((topicId, index) => (known.has(topicId) ? [] : [{ path: `topicIds.${index}`, message: `${topicId} is not a topic` }]));
    if (unknown.length > 0) throw badRequest('unknown_reference', 'Some bound topics are not topics', unknown);
    if (!route.active) return;
    const others = (await manager.findBy(Route, { active: true })).filter((other) => other.id !== route.id);
    const taken = route.topicIds.flatMap((topicId, index) => {
      const owner = others.find((other) => other.topicIds.includes(topicId));
      return owner ? [{ path: `topicIds.${index}`, message: `topic ${topics.find((topic) => topic.id === topicId)?.code} is bound to the active route ${owner.code}` }] : [];
    });
    if (taken.length > 0) throw conflict('topic_bound', 'A topic can start requests on one active route only', taken);
  }

  private async views(manager: EntityManager, routes: Route[]): Promise<RouteView[]> {
    if (routes.length === 0) return [];
    const versions = await manager.find(RouteVersion, { select: { routeId: true, version: true, state: true }, where: { routeId: In(routes.map((route) => route.id)), state: In(['draft', 'published']) } });
    const numberOf = (routeId: number, state: string) => versions.find((version) => version.routeId === routeId && version.state === state)?.version ?? null;
    return routes.map((route) => ({ ...route, publishedVersion: numberOf(route.id, 'published'), draftVersion: numberOf(route.id, 'draft') }));
  }
}

const unique = (ids: number[]) => [...new Set(ids)];
