import { In, type EntityManager } from 'typeorm';
import { cachedConfiguration } from '../database/configuration-cache';
import { notFound } from '../common/docket-error';
import { Route } from './entities/route.entity';
import { RouteVersion } from './entities/route-version.entity';
import type { PinnedRoute } from '../requests/route-source';

export async function loadRoute(manager: EntityManager, routeId: number): Promise<Route> {
  const route = await manager.findOneBy(Route, { id: routeId });
  if (!route) throw notFound('Route', routeId);
  return route;
}

export async function loadVersion(manager: EntityManager, routeId: number, version: number): Promise<RouteVersion> {
  const found = await manager.findOneBy(RouteVersion, { routeId, version });
  if (!found) throw notFound(`Route ${routeId} version`, version);
  return found;
}

export function draftOf(manager: EntityManager, routeId: number): Promise<RouteVersion | null> {
  return manager.findOneBy(RouteVersion, { routeId, state: 'draft' });
}

export function publishedOf(manager: EntityManager, routeId: number): Promise<RouteVersion | null> {
  return manager.findOneBy(RouteVersion, { routeId, state: 'published' });
}

/** The highest version number the route has used (drafts included), 0 for none. */
export async function lastVersionNumber(manager: EntityManager, routeId: number): Promise<number> {
  const row = await manager.createQueryBuilder(RouteVersion, 'v').select('MAX(v.version)', 'last').where('v.routeId = :routeId', { routeId }).getRawOne<{ last: number | string | null }>();
  return Number(row?.last ?? 0);
}

const pinned = (version: RouteVersion): PinnedRoute => ({ versionId: version.id, routeId: version.routeId, definition: version.definition });

/** The published version of the active route bound to the topic (ROUTE_SOURCE.publishedForTopic). */
export async function publishedForTopic(manager: EntityManager, topicId: number): Promise<PinnedRoute | null> {
  return (await publishedByTopic(manager)).get(topicId) ?? null;
}

/** Each bound topic's published route version, from the configuration cache. */
function publishedByTopic(manager: EntityManager): Promise<ReadonlyMap<number, PinnedRoute | null>> {
  return cachedConfiguration(manager, 'routes.published', async () => {
    // Routes are few and designed by administrators; the bound topics are a JSON list, read in memory.
    const routes = await manager.findBy(Route, { active: true });
    const versions = routes.length ? await manager.findBy(RouteVersion, { routeId: In(routes.map((route) => route.id)), state: 'published' }) : [];
    // The first active route bound to a topic decides, published or not.
    const byTopic = new Map<number, PinnedRoute | null>();
    for (const route of routes) {
      const version = versions.find((candidate) => candidate.routeId === route.id);
      for (const topicId of route.topicIds) if (!byTopic.has(topicId)) byTopic.set(topicId, version ? pinned(version) : null);
    }
    return byTopic;
  });
}

/** A published or retired version by id (ROUTE_SOURCE.version); drafts are never given to requests. */
export async function pinnedVersion(manager: EntityManager, versionId: number): Promise<PinnedRoute> {
  const version = await manager.findOneBy(RouteVersion, { id: versionId });
  if (!version || version.state === 'draft') throw notFound('Published route version', versionId);
  return pinned(version);
}
