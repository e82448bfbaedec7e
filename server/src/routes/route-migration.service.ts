import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { planMigration, type MigrationCandidate, type MigrationDryRun } from '../../../workflows/index';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest, conflict } from '../common/docket-error';
import { positionOf } from '../requests/domain/route-outcome';
import { CustomerRequest } from '../requests/entities/customer-request.entity';
import { StaleVersion, updateVersioned } from '../requests/processing/versioned-update';
import { SlaClocks } from '../sla/sla-clocks';
import { MigrationDto } from './dto/version.dto';
import { RouteVersion } from './entities/route-version.entity';
import { loadRoute, loadVersion } from './route-store';
import { orRouteRefusal } from './routes.errors';

export interface MigrationReport {
  from: number;
  to: number;
  /** Requests moved (apply) or that would be moved (dry run), with each branch's old → new step. */
  movable: Array<{ requestId: number; number: string; moves: Array<{ tokenId: string; from: string; to: string }> }>;
  blocked: Array<{ requestId: number; number: string; reasons: string[] }>;
}

const DEFAULT_BATCH = 200;

interface Versions {
  from: RouteVersion;
  to: RouteVersion;
}

/**
 * Moves the open requests of one version of a route to another: a dry run that lists every request it
 * would move and every one it cannot (with why), and the move itself in batches, each request journalled
 * with its state before (so a move back is the same operation the other way).
 */
@Injectable()
export class RouteMigrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sla: SlaClocks,
  ) {}

  async dryRun(routeId: number, body: MigrationDto): Promise<MigrationReport> {
    const versions = await this.versions(this.dataSource.manager, routeId, body);
    const report = this.emptyReport(versions);
    for await (const batch of this.batches(versions.from, body.batchSize)) {
      const plan = await this.plan(versions, body.stepMap, batch);
      this.addToReport(report, batch, plan);
    }
    return report;
  }

  async apply(actor: Principal, routeId: number, body: MigrationDto, now = new Date()): Promise<MigrationReport> {
    const versions = await this.versions(this.dataSource.manager, routeId, body);
    const report = this.emptyReport(versions);
    // Each batch commits on its own: a long migration never holds one huge transaction, and a failure keeps the batches done.
    for await (const batch of this.batches(versions.from, body.batchSize)) {
      await this.dataSource.transaction(async (manager) => {
        const plan = await this.plan(versions, body.stepMap, batch);
        const stale: MigrationDryRun['blocked'] = [];
        for (const movable of plan.movable) {
          const request = batch.find((row) => String(row.id) === movable.requestId) as CustomerRequest;
          const before = { routeVersionId: request.routeVersionId, currentSteps: request.currentSteps, routeState: request.routeState, status: request.status, priority: request.priority, isOpen: request.isOpen };
          const currentSteps = positionOf(versions.to.definition, movable.state, undefined).currentSteps;
          try {
            await updateVersioned(manager, request, request.version, { routeVersionId: versions.to.id, routeState: movable.state, currentSteps }, now);
          } catch (error) {
            if (!(error instanceof StaleVersion)) throw error;
            stale.push({ requestId: movable.requestId, reasons: ['it changed while being migrated; run the migration again'] });
            continue;
          }
          const changes = [
            { field: 'routeVersion', old: versions.from.version, new: versions.to.version },
            { field: 'currentSteps', old: before.currentSteps, new: currentSteps },
            { field: 'routeState', old: before.routeState, new: movable.state },
          ];
          await this.audit.record(manager, actor, { entityType: 'request', entityId: request.id, action: 'route_migrated', changes }, now);
          // Steps the plan renamed or merged stop and start their step clocks like any other move.
          await this.sla.followRequest(manager, before, request, now);
        }
        const applied = { movable: plan.movable.filter((movable) => !stale.some((entry) => entry.requestId === movable.requestId)), blocked: [...plan.blocked, ...stale] };
        this.addToReport(report, batch, applied);
      });
    }
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, actor, { entityType: 'route', entityId: routeId, action: 'migrate_requests', changes: [{ field: 'requests', old: { version: report.from }, new: { version: report.to, stepMap: body.stepMap, moved: report.movable.length, blocked: report.blocked.length } }] }, now),
    );
    return report;
  }

  private async versions(manager: EntityManager, routeId: number, body: MigrationDto): Promise<Versions> {
    const invalid = Object.entries(body.stepMap).filter(([, to]) => typeof to !== 'string' || to.length === 0 || to.length > 128);
    if (invalid.length > 0) throw badRequest('validation_failed', 'The request is not valid', invalid.map(([from]) => ({ path: `stepMap.${from}`, message: 'must be a step id' })));
    if (body.from === body.to) throw badRequest('validation_failed', 'The request is not valid', [{ path: 'to', message: 'must differ from from' }]);
    await loadRoute(manager, routeId);
    const [from, to] = await Promise.all([loadVersion(manager, routeId, body.from), loadVersion(manager, routeId, body.to)]);
    for (const [path, version] of [['from', from], ['to', to]] as const) {
      if (version.state === 'draft') throw conflict('version_not_published', `Version ${version.version} is a draft; requests are only on published versions`, [{ path, message: 'a draft' }]);
    }
    return { from, to };
  }

  /** Open requests on the version, a batch at a time in id order. */
  private async *batches(from: RouteVersion, batchSize = DEFAULT_BATCH): AsyncGenerator<CustomerRequest[]> {
    for (let lastId = 0; ; ) {
      const batch = await this.dataSource.manager.find(CustomerRequest, { where: { routeVersionId: from.id, isOpen: true, id: MoreThan(lastId) }, order: { id: 'ASC' }, take: batchSize });
      if (batch.length === 0) return;
      yield batch;
      lastId = batch[batch.length - 1].id;
    }
  }

  private async plan(versions: Versions, stepMap: Record<string, string>, batch: CustomerRequest[]): Promise<MigrationDryRun> {
    const withState = batch.filter((request) => request.routeState !== null);
    const candidates: MigrationCandidate[] = withState.map((request) => ({ requestId: String(request.id), state: request.routeState! }));
    const plan = await orRouteRefusal(() => planMigration(versions.from.definition, versions.to.definition, { stepMap }, candidates));
    const stateless = batch.filter((request) => request.routeState === null).map((request) => ({ requestId: String(request.id), reasons: ['it has no route state'] }));
    return { movable: plan.movable, blocked: [...plan.blocked, ...stateless] };
  }

  private emptyReport(versions: Versions): MigrationReport {
    return { from: versions.from.version, to: versions.to.version, movable: [], blocked: [] };
  }

  private addToReport(report: MigrationReport, batch: CustomerRequest[], plan: MigrationDryRun): void {
    const numberOf = (requestId: string) => batch.find((request) => String(request.id) === requestId)?.number ?? '';
    report.movable.push(...plan.movable.map((movable) => ({ requestId: Number(movable.requestId), number: numberOf(movable.requestId), moves: movable.moves })));
    report.blocked.push(...plan.blocked.map((blocked) => ({ requestId: Number(blocked.requestId), number: numberOf(blocked.requestId), reasons: blocked.reasons })));
  }
}
