import type { EntityManager } from 'typeorm';
import type { RouteDefinition } from '../../../workflows/index';

/** A published route version as requests use it: pinned by id, its definition frozen at publishing. */
export interface PinnedRoute {
  versionId: number;
  routeId: number;
  definition: RouteDefinition;
}

/**
 * Where requests get their routes. The routes module provides it under ROUTE_SOURCE; requests depend on
 * this port only, so neither module reaches into the other's tables.
 */
export interface RouteSource {
  /** The published version new requests of this topic start on, or null when the topic has no route. */
  publishedForTopic(manager: EntityManager, topicId: number): Promise<PinnedRoute | null>;
  /** A version by id, published or retired (requests stay pinned to the version they started on). */
  version(manager: EntityManager, versionId: number): Promise<PinnedRoute>;
}

export const ROUTE_SOURCE = Symbol('ROUTE_SOURCE');
