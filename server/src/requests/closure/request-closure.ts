import type { EntityManager } from 'typeorm';
import { changesBetween, type AuditService } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { conflict, DocketError } from '../../common/docket-error';
import type { NotificationEvents } from '../../notifications/notification-events';
import { cancelJobs } from '../../scheduler/job-runner';
import type { SlaClocks } from '../../sla/sla-clocks';
import { reopen, RouteError, type InterpretResult } from '../../../../workflows/index';
import { STATUS_CLOSED, STATUS_IN_PROGRESS, STATUS_RESOLVED } from '../domain/route-outcome';
import type { CustomerRequest } from '../entities/customer-request.entity';
import { contextData, storedValues, TopicForms } from '../processing/request-context';
import { AUDITED_REQUEST_FIELDS } from '../processing/request-creation';
import { RouteRunner, type RequestFollowers, type RouteOutcome } from '../processing/route-runner';
import { slaFollowers } from '../processing/sla-followers';
import { updateVersioned } from '../processing/versioned-update';
import type { RouteSource } from '../route-source';
import { moveValueBucket } from '../storage/request-values.writer';
import { awaitConfirmation, AUTO_CLOSE_JOB } from './awaiting-confirmation';
import { RequestRating } from './request-rating.entity';

export interface ClosureDeps {
  routes: RouteSource;
  audit: AuditService;
  mailDomain: string;
  autoCloseHours: number;
  sla: SlaClocks;
  events: NotificationEvents;
}

/** The customer's answer to a solution: a rating, or silence until the timer closes the request. */
export interface ClosingAnswer {
  rating: number | null;
  comment: string | null;
  byTimeout: boolean;
}

type Actor = Principal | null;

/**
 * The request life after a solution, shared by the closure endpoints, the auto-close timer, problems and bulk
 * work: resolve (without the route's end), close (confirmed or timed out), and go back to work at the route's
 * reopen step. Each runs in the caller's transaction under the version check, and journals itself.
 */
export class RequestClosure {
  readonly runner: RouteRunner;
  private readonly followers: RequestFollowers;

  constructor(private readonly deps: ClosureDeps) {
    this.followers = slaFollowers(deps.sla);
    this.runner = new RouteRunner({ routes: deps.routes, audit: deps.audit, mailDomain: deps.mailDomain, autoCloseHours: deps.autoCloseHours, followers: this.followers });
  }

  /** Resolved → closed. The rating is kept (a timeout keeps a row without one, so reports can count both). */
  async close(manager: EntityManager, actor: Actor, request: CustomerRequest, expectedVersion: number, answer: ClosingAnswer, now: Date): Promise<void> {
    if (request.status !== STATUS_RESOLVED) throw conflict('not_resolved', `Request ${request.number} is not waiting for its customer's confirmation`, [{ path: 'id', message: `status is ${request.status}` }]);
    const before = { ...request };
    await updateVersioned(manager, request, expectedVersion, { status: STATUS_CLOSED, isOpen: false, closedAt: now }, now);
    await moveValueBucket(manager, { requestId: request.id, queueId: request.queueId, isOpen: false });
    await cancelJobs(manager, AUTO_CLOSE_JOB, 'request', request.id, now);
    await manager.insert(RequestRating, { requestId: request.id, rating: answer.rating, comment: answer.comment, byTimeout: answer.byTimeout, actorId: actor?.userId ?? null, createdAt: now });
    const rated = answer.byTimeout ? [{ field: 'closedBy', old: null, new: 'timeout' }] : [{ field: 'rating', old: null, new: answer.rating }, ...(answer.comment ? [{ field: 'ratingComment', old: null, new: answer.comment }] : [])];
    await this.journal(manager, actor, before, request, answer.byTimeout ? 'autoClose' : 'confirm', rated, now);
  }

  /**
   * Back to work: a rejected solution or a reopened closed request. A routed request re-enters the route at
   * the end step's reopen step (or the last user task it left); a request without a route is simply in progress.
   */
  async reopen(manager: EntityManager, actor: Actor, request: CustomerRequest, expectedVersion: number, change: { action: string; reason: string }, now: Date, forms = new TopicForms(manager)): Promise<void> {
    const route = await this.runner.pinned(manager, request);
    let outcome: RouteOutcome | null = null;
    let fields: Partial<CustomerRequest> = { status: STATUS_IN_PROGRESS, isOpen: true };
    if (route && request.routeState?.status === 'ended') {
      const context = await this.context(manager, forms, request, actor);
      outcome = await this.runner.outcomeOf(manager, route, request, routeDecision(() => reopen(route.definition, request.routeState!, context, now, { reason: change.reason })), now);
      fields = outcome.fields;
    }
    const before = { ...request };
    const movedQueue = fields.queueId !== undefined && fields.queueId !== request.queueId;
    await updateVersioned(manager, request, expectedVersion, { ...fields, resolution: null, closedAt: null, ...(movedQueue ? { assigneeId: null } : {}) }, now);
    await cancelJobs(manager, AUTO_CLOSE_JOB, 'request', request.id, now);
    await this.journal(manager, actor, before, request, change.action, [{ field: 'reason', old: null, new: change.reason }], now);
    if (outcome) await this.runner.apply(manager, forms, before, request, outcome, actor, now);
    else if (before.isOpen !== request.isOpen) await moveValueBucket(manager, { requestId: request.id, queueId: request.queueId, isOpen: request.isOpen });
  }

  /** Resolved from outside its route (its problem was fixed): the route ends as resolved and the customer is asked to confirm. */
  /** `forms` is shared by the callers that resolve many requests in one transaction (a problem's fix), so the configuration loads once. */
  async resolve(manager: EntityManager, actor: Actor, request: CustomerRequest, expectedVersion: number, reason: string, now: Date, forms = new TopicForms(manager)): Promise<void> {
    if (!request.isOpen || request.status === STATUS_RESOLVED) throw conflict('not_open', `Request ${request.number} is already ${request.status}`, [{ path: 'id', message: `status is ${request.status}` }]);
    if (request.routeVersionId !== null && request.routeState?.status === 'running') {
      // Cancelling the route with resolution `resolved` releases its timers and children and journals the reason.
      await this.runner.advance(manager, forms, actor, request, expectedVersion, { type: 'cancel', resolution: 'resolved', reason }, 'resolve', now);
      return;
    }
    const before = { ...request };
    await updateVersioned(manager, request, expectedVersion, { status: STATUS_RESOLVED, resolution: 'resolved', currentSteps: null, awaitingAcceptance: false }, now);
    await this.journal(manager, actor, before, request, 'resolve', [{ field: 'reason', old: null, new: reason }], now);
    await awaitConfirmation(manager, request, { autoCloseHours: this.deps.autoCloseHours, mailDomain: this.deps.mailDomain }, now);
  }

  private async context(manager: EntityManager, forms: TopicForms, request: CustomerRequest, actor: Actor) {
    const topic = (await forms.topic(request.topicId))!;
    const data = await contextData(manager, request, topic.code, actor, await storedValues(manager, forms, request));
    return this.runner.routeContext(forms, request.topicId, data);
  }

  /** The journal line, the SLA clocks and the notifications of one change of the request row. */
  private async journal(manager: EntityManager, actor: Actor, before: CustomerRequest, after: CustomerRequest, action: string, extra: { field: string; old: unknown; new: unknown }[], now: Date): Promise<void> {
    await this.followers.changed(manager, before, after, now);
    await this.deps.audit.record(manager, actor, { entityType: 'request', entityId: after.id, action, changes: [...changesBetween(before, after, AUDITED_REQUEST_FIELDS), ...extra] }, now);
    await this.deps.events.requestChanged(manager, before, after, actor, now);
  }
}

/** The interpreter's refusals as API errors: they are about where the request stands, so 409. */
function routeDecision(work: () => InterpretResult): InterpretResult {
  try {
    return work();
  } catch (error) {
    if (error instanceof RouteError) throw new DocketError(409, error.code, error.message, error.details);
    throw error;
  }
}
