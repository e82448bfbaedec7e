import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PinnedRoute, RouteSource } from '../requests/route-source';
import { pinnedVersion, publishedForTopic } from './route-store';

/** Routes as requests see them (the ROUTE_SOURCE port): published and retired versions, never drafts. */
@Injectable()
export class RouteCatalog implements RouteSource {
  publishedForTopic(manager: EntityManager, topicId: number): Promise<PinnedRoute | null> {
    return publishedForTopic(manager, topicId);
  }

  version(manager: EntityManager, versionId: number): Promise<PinnedRoute> {
    return pinnedVersion(manager, versionId);
  }
}
