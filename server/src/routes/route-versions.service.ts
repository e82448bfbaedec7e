import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  bpmnToRoute,
  parseRoute,
  routeToBpmn,
  simulate,
  validateRouteForPublishing,
  type BpmnImport,
  type RouteDefinition,
  type RouteIssue,
  type RouteValidation,
  type SimulationReport,
} from '../../../workflows/index';
import { AuditService, changesBetween } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest } from '../common/docket-error';
import { DiffQuery, SaveDraftDto, SimulateDto } from './dto/version.dto';
import { Route } from './entities/route.entity';
import { RouteVersion } from './entities/route-version.entity';
import { RouteConfiguration } from './route-configuration';
import { stampedDefinition } from './stamped-definition';
import { draftOf, lastVersionNumber, loadRoute, loadVersion, publishedOf } from './route-store';
import { noDraft, orRouteRefusal, routeNotPublishable, versionFrozen } from './routes.errors';
import { definitionChanges, diffVersions, type VersionDiff } from './version-diff';

export type VersionSummary = Omit<RouteVersion, 'definition' | 'bpmn'>;
export interface VersionView extends VersionSummary {
  definition: RouteDefinition;
}
export interface SavedDraft extends VersionView {
  /** What the import read but ignored, and anything adjusted to fit the route. */
  warnings: RouteIssue[];
}

const summary = ({ definition: _definition, bpmn: _bpmn, ...rest }: RouteVersion): VersionSummary => rest;
const view = (version: RouteVersion): VersionView => ({ ...summary(version), definition: version.definition });
const STATE_FIELDS: (keyof RouteVersion)[] = ['state', 'publishedBy', 'publishedAt', 'retiredAt'];

/** Versions of a route: drafts saved from JSON or BPMN, validation, publishing, export, diff and simulation. */
@Injectable()
export class RouteVersionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(routeId: number): Promise<VersionSummary[]> {
    await loadRoute(this.dataSource.manager, routeId);
    const versions = await this.dataSource.manager.find(RouteVersion, { where: { routeId }, order: { version: 'DESC' } });
    return versions.map(summary);
  }

  async get(routeId: number, version: number): Promise<VersionView> {
    return view(await loadVersion(this.dataSource.manager, routeId, version));
  }

  async bpmn(routeId: number, version: number): Promise<{ code: string; version: number; xml: string }> {
    const found = await loadVersion(this.dataSource.manager, routeId, version);
    return { code: found.definition.code, version: found.version, xml: found.bpmn };
  }

  /** Creates the route's draft (the next version number) or replaces the one it has. */
  async saveDraft(actor: Principal, routeId: number, body: SaveDraftDto, now = new Date()): Promise<SavedDraft> {
    if ((body.definition === undefined) === (body.bpmn === undefined)) {
      const message = 'give the route either as definition (JSON) or as bpmn (XML), not both or neither';
      throw badRequest('validation_failed', 'The request is not valid', [{ path: 'definition', message }, { path: 'bpmn', message }]);
    }
    // Parsing (and the BPMN guard) runs before the transaction: a refused file costs the database nothing.
    const imported: BpmnImport = await orRouteRefusal(async () => (body.bpmn !== undefined ? bpmnToRoute(body.bpmn) : { route: parseRoute(body.definition), warnings: [] }));
    return this.dataSource.transaction(async (manager) => {
      const route = await loadRoute(manager, routeId);
      const draft = await draftOf(manager, routeId);
      const number = draft?.version ?? (await lastVersionNumber(manager, routeId)) + 1;
      const warnings = [...imported.warnings];
      if (imported.route.code !== route.code) warnings.push({ path: 'code', message: `the file is route ${imported.route.code}; saved as ${route.code}` });
      const definition = await this.stamped(imported.route, route, number, (await RouteConfiguration.load(manager, route.topicIds)).topicCodes);
      const baseline = draft?.definition ?? (await publishedOf(manager, routeId))?.definition ?? null;
      const version = draft ?? manager.create(RouteVersion, { routeId, version: number, state: 'draft', createdBy: actor.login, createdAt: now, publishedBy: null, publishedAt: null, retiredAt: null });
      Object.assign(version, { definition, bpmn: await orRouteRefusal(() => routeToBpmn(definition)), updatedBy: actor.login, updatedAt: now });
      await manager.save(version);
      await this.audit.record(manager, actor, { entityType: 'route_version', entityId: version.id, action: draft ? 'update_draft' : 'create_draft', changes: definitionChanges(baseline, definition) }, now);
      return { ...view(version), warnings };
    });
  }

  async discardDraft(actor: Principal, routeId: number, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await loadRoute(manager, routeId);
      const draft = await draftOf(manager, routeId);
      if (!draft) throw noDraft(routeId);
      await manager.delete(RouteVersion, { id: draft.id });
      await this.audit.record(manager, actor, { entityType: 'route_version', entityId: draft.id, action: 'discard_draft', changes: [{ field: 'version', old: draft.version, new: null }] }, now);
    });
  }

  async validate(routeId: number, version: number): Promise<RouteValidation> {
    const manager = this.dataSource.manager;
    const route = await loadRoute(manager, routeId);
    const found = await loadVersion(manager, routeId, version);
    return this.validation(manager, await RouteConfiguration.load(manager, route.topicIds), found.definition);
  }

  /** Freezes the draft; the version published before it is retired (requests on it stay there). */
  async publish(actor: Principal, routeId: number, number: number, now = new Date()): Promise<VersionView> {
    return this.dataSource.transaction(async (manager) => {
      const route = await loadRoute(manager, routeId);
      const version = await loadVersion(manager, routeId, number);
      if (version.state !== 'draft') throw versionFrozen(version.version, version.state);
      // The bound topics may have changed since the draft was saved; the frozen version names those of today.
      const configuration = await RouteConfiguration.load(manager, route.topicIds);
      const definition = await this.stamped(version.definition, route, version.version, configuration.topicCodes);
      const validation = await this.validation(manager, configuration, definition);
      if (!validation.ok) throw routeNotPublishable(version.version, validation.errors);
      const previous = await publishedOf(manager, routeId);
      if (previous) {
        const before = { ...previous };
        Object.assign(previous, { state: 'retired', retiredAt: now });
        await manager.save(previous);
        await this.audit.record(manager, actor, { entityType: 'route_version', entityId: previous.id, action: 'retire', changes: changesBetween(before, previous, STATE_FIELDS) }, now);
      }
      const before = { ...version };
      Object.assign(version, { definition, bpmn: await routeToBpmn(definition), state: 'published', publishedBy: actor.login, publishedAt: now });
      await manager.save(version);
      await this.audit.record(manager, actor, { entityType: 'route_version', entityId: version.id, action: 'publish', changes: [...changesBetween(before, version, STATE_FIELDS), ...definitionChanges(before.definition, definition)] }, now);
      return view(version);
    });
  }

  async diff(routeId: number, query: DiffQuery): Promise<VersionDiff> {
    const manager = this.dataSource.manager;
    const [from, to] = await Promise.all([loadVersion(manager, routeId, query.from), loadVersion(manager, routeId, query.to)]);
    return diffVersions(from.definition, to.definition);
  }

  /** Runs the version over a sample context with the flags of one of its topics: path, queues, flags. */
  async simulate(routeId: number, number: number, body: SimulateDto): Promise<SimulationReport> {
    const manager = this.dataSource.manager;
    const route = await loadRoute(manager, routeId);
    const version = await loadVersion(manager, routeId, number);
    if (body.topicId !== undefined && !route.topicIds.includes(body.topicId)) {
      throw badRequest('validation_failed', 'The request is not valid', [{ path: 'topicId', message: `topic ${body.topicId} is not bound to route ${route.code}` }]);
    }
    const topicId = body.topicId ?? route.topicIds[0];
    const configuration = await RouteConfiguration.load(manager, route.topicIds);
    const context = { data: body.context, ...(topicId !== undefined ? { attributeFlags: configuration.attributeFlags(topicId) } : {}) };
    return orRouteRefusal(() =>
      simulate(version.definition, { context, now: body.now ? new Date(body.now) : new Date(), choices: body.choices, ...(body.childResolution ? { childResolution: body.childResolution } : {}) }),
    );
  }

  private async validation(manager: EntityManager, configuration: RouteConfiguration, definition: RouteDefinition): Promise<RouteValidation> {
    const { references, warnings } = await configuration.publishReferences(manager);
    const result = await orRouteRefusal(() => validateRouteForPublishing(definition, references));
    return { ...result, warnings: [...result.warnings, ...warnings] };
  }

  private async stamped(input: RouteDefinition, route: Route, version: number, topics: string[]): Promise<RouteDefinition> {
    return orRouteRefusal(() => stampedDefinition(input, route.code, version, topics));
  }
}
