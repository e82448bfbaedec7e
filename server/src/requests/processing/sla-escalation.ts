import { In, type EntityManager } from 'typeorm';
import type { AuditService } from '../../audit/audit.service';
import { DocketError } from '../../common/docket-error';
import type { BreachKind } from '../../sla/entities/sla-breach.entity';
import type { SlaFiring } from '../../sla/breach-handler';
import { escalates } from '../../../../workflows/index';
import { CustomerRequest } from '../entities/customer-request.entity';
import { TopicForms } from './request-context';
import type { RouteRunner } from './route-runner';
import { claimVersion } from './versioned-update';

/**
 * Runs the routes' escalation handlers (`onSlaWarning`, `onSlaBreach`) for warnings and breaches just recorded,
 * in the transaction that records them. Which firings escalate is decided from the pinned route versions the
 * runner keeps in memory, so a batch whose routes have no such handlers reads nothing more.
 */
export class SlaEscalation {
  constructor(
    private readonly runner: RouteRunner,
    private readonly audit: AuditService,
  ) {}

  async fired(manager: EntityManager, kind: BreachKind, firings: readonly SlaFiring[], now: Date): Promise<void> {
    const escalating: SlaFiring[] = [];
    for (const firing of firings) {
      if (firing.routeVersionId === null) continue;
      const route = await this.runner.pinned(manager, { routeVersionId: firing.routeVersionId });
      if (route && escalates(route.definition, kind)) escalating.push(firing);
    }
    if (!escalating.length) return;
    const rows = await manager.findBy(CustomerRequest, { id: In([...new Set(escalating.map((firing) => firing.requestId))]) });
    const requests = new Map(rows.map((request) => [request.id, request]));
    const forms = new TopicForms(manager);
    for (const firing of escalating) {
      const request = requests.get(firing.requestId);
      const route = request && (await this.runner.pinned(manager, request));
      if (!request?.isOpen || !route || !request.routeState || !escalates(route.definition, kind, request.routeState)) continue;
      const escalated = await this.escalate(manager, forms, request, kind, firing.clock, now);
      // After a refused escalation the row is as it was before it: a later clock of the same request starts from there.
      if (!escalated) requests.set(request.id, (await manager.findOneBy(CustomerRequest, { id: request.id }))!);
    }
  }

  /**
   * One request's escalation under its version check: a concurrent change fails the whole transaction, breach
   * included, and the scheduler retries it. A route the request cannot carry out (a queue since deleted, a
   * priority out of range) is journaled and undone alone, so it never keeps the breach from being recorded.
   */
  private async escalate(manager: EntityManager, forms: TopicForms, request: CustomerRequest, kind: BreachKind, clock: string, now: Date): Promise<boolean> {
    try {
      await manager.transaction(async (savepoint) => {
        await claimVersion(savepoint, request, request.version);
        // An escalation is not a hand-off: whoever was to accept the request still is.
        await this.runner.advance(savepoint, forms, null, request, request.version, { type: 'slaEvent', kind, clock }, `sla.${kind}.escalation`, now, { awaitingAcceptance: request.awaitingAcceptance });
      });
      return true;
    } catch (error) {
      if (!(error instanceof DocketError)) throw error;
      const failure = { clock, code: error.code, message: error.message };
      await this.audit.record(manager, null, { entityType: 'request', entityId: request.id, action: `sla.${kind}.escalationFailed`, changes: [{ field: 'route', old: null, new: failure }] }, now);
      return false;
    }
  }
}
