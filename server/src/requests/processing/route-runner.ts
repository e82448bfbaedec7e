import type { EntityManager } from 'typeorm';
import type { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { badRequest, conflict, DocketError } from '../../common/docket-error';
import { enqueueMail } from '../../notifications/outbox';
import { Queue } from '../../queues/queue.entity';
import { cancelJobs, scheduleJob } from '../../scheduler/job-runner';
import { interpret, RouteError, type RouteContext, type RouteEvent, type RouteState, type UserTaskStep } from '../../../../workflows/index';
import { valueWrites } from '../domain/attribute-values';
import { planEffects, positionOf, type EffectPlan } from '../domain/route-outcome';
import type { CustomerRequest } from '../entities/customer-request.entity';
import type { PinnedRoute, RouteSource } from '../route-source';
import { ListSlotAllocator } from '../storage/list-slot-allocator';
import { moveValueBucket, writeRequestValues } from '../storage/request-values.writer';
import { resolveRecipients } from './notification-recipients';
import { TopicForms } from './request-context';

export const ROUTE_TIMER_JOB = 'request.routeTimer';

/** Route decisions that depend on where the request is (409) rather than on what the client sent (400). */
const CLIENT_MISTAKES = new Set(['unknown_transition', 'ambiguous_branch', 'unknown_child']);

export interface RouteOutcome {
  state: RouteState;
  plan: EffectPlan;
  /** Request columns the interpretation changes. */
  fields: Partial<CustomerRequest>;
}

export interface RunnerDeps {
  routes: RouteSource | null;
  audit: AuditService;
  mailDomain: string;
}

/** Runs a request's route through the interpreter and carries out the effects in the caller's transaction. */
export class RouteRunner {
  constructor(private readonly deps: RunnerDeps) {}

  async publishedFor(manager: EntityManager, topicId: number): Promise<PinnedRoute | null> {
    return this.deps.routes ? this.deps.routes.publishedForTopic(manager, topicId) : null;
  }

  async pinned(manager: EntityManager, request: Pick<CustomerRequest, 'routeVersionId'>): Promise<PinnedRoute | null> {
    if (request.routeVersionId === null) return null;
    if (!this.deps.routes) throw new Error('a request is pinned to a route version but no route source is installed');
    return this.deps.routes.version(manager, request.routeVersionId);
  }

  /** The route context: data for the rules, and the topic's own attribute flags (the step's overrides apply on top). */
  async routeContext(forms: TopicForms, topicId: number, data: Record<string, unknown>): Promise<RouteContext> {
    const form = await forms.resolve(topicId, data, null, true);
    return { data, attributeFlags: Object.fromEntries(form.attributes.map((attribute) => [attribute.code, { hidden: attribute.hidden, readOnly: attribute.readOnly, required: attribute.required }])) };
  }

  async interpret(manager: EntityManager, route: PinnedRoute, request: CustomerRequest, event: RouteEvent, context: RouteContext, now: Date): Promise<RouteOutcome> {
    let result;
    try {
      result = interpret(route.definition, request.routeState!, event, context, now);
    } catch (error) {
      if (!(error instanceof RouteError)) throw error;
      throw new DocketError(CLIENT_MISTAKES.has(error.code) ? 400 : 409, error.code, error.message, error.details);
    }
    const plan = planEffects(result.effects);
    const previousQueue = request.queueId === null ? undefined : (await manager.findOneBy(Queue, { id: request.queueId }))?.code;
    const position = positionOf(route.definition, result.state, previousQueue);
    const fields: Partial<CustomerRequest> = {
      routeState: result.state,
      status: position.status,
      isOpen: position.isOpen,
      currentSteps: position.currentSteps,
      awaitingAcceptance: position.awaitingAcceptance,
    };
    const queueCode = plan.queueCode ?? position.queueCode;
    if (queueCode !== undefined && queueCode !== previousQueue) fields.queueId = await this.queueId(manager, queueCode);
    if (plan.priority !== undefined) fields.priority = this.priority(plan.priority);
    if (!position.isOpen) Object.assign(fields, { resolution: plan.close ?? result.state.resolution ?? null, closedAt: now });
    return { state: result.state, plan, fields };
  }

  /** The user task a token waits at, for step attribute overrides. */
  static userTaskAt(route: PinnedRoute, state: RouteState | null): UserTaskStep | undefined {
    const stepId = state?.tokens[0]?.stepId;
    const step = route.definition.steps.find((candidate) => candidate.id === stepId);
    return step?.kind === 'userTask' ? step : undefined;
  }

  /** After the request row holds the outcome's fields: values, timers, mail and the journal, all in the same transaction. */
  async apply(manager: EntityManager, forms: TopicForms, before: CustomerRequest | null, after: CustomerRequest, outcome: RouteOutcome, actor: Principal | null, now: Date): Promise<void> {
    const { plan } = outcome;
    const bucket = { requestId: after.id, queueId: after.queueId, isOpen: after.isOpen };
    if (before && (before.queueId !== after.queueId || before.isOpen !== after.isOpen)) await moveValueBucket(manager, bucket);
    const attributes = await forms.attributesOf(after.topicId);
    const known = Object.fromEntries(Object.entries(plan.attributeChanges).filter(([code]) => attributes.some((attribute) => attribute.code === code)));
    const unknown = Object.keys(plan.attributeChanges).filter((code) => !(code in known));
    if (Object.keys(known).length) await writeRequestValues(manager, bucket, valueWrites(attributes, known), await ListSlotAllocator.slotsFor(manager));
    for (const timer of plan.timersToStart) {
      await scheduleJob(manager, { kind: ROUTE_TIMER_JOB, dueAt: new Date(timer.firesAt), dedupeKey: `request:${after.id}:timer:${timer.timerId}`, subjectType: 'request', subjectId: after.id, payload: { timerId: timer.timerId } }, now);
    }
    if (!after.isOpen) await cancelJobs(manager, ROUTE_TIMER_JOB, 'request', after.id, now);
    const unresolved: string[] = [];
    for (const notification of plan.notifications) {
      const recipients = await resolveRecipients(manager, after, notification.recipients);
      unresolved.push(...recipients.unresolved);
      for (const recipient of recipients.emails) {
        await enqueueMail(
          manager,
          {
            eventKey: `request:${after.id}:${outcome.state.sequence}:${notification.event}:${notification.stepId ?? notification.transitionId ?? ''}:${notification.template}`,
            recipient,
            subject: `[${after.number}] ${notification.template}: ${after.subject}`,
            text: `Request ${after.number} (${notification.event}${notification.stepId ? ` at ${notification.stepId}` : ''}): ${after.subject}`,
          },
          now,
          this.deps.mailDomain,
        );
      }
    }
    const routeLines = [
      ...plan.audit,
      ...plan.skipped,
      ...unknown.map((code) => ({ action: 'actionSkipped', detail: `the route set ${code}, which the topic does not have` })),
      ...unresolved.map((recipient) => ({ action: 'actionSkipped', detail: `notification recipient ${recipient} has no e-mail address` })),
    ];
    for (const line of routeLines) {
      await this.deps.audit.record(manager, actor, { entityType: 'request', entityId: after.id, action: `route.${line.action}`, changes: [{ field: 'route', old: null, new: line }] }, now);
    }
  }

  private async queueId(manager: EntityManager, code: string): Promise<number> {
    const queue = await manager.findOneBy(Queue, { code });
    if (!queue) throw conflict('unknown_queue', `The route assigns queue "${code}", which does not exist`, [{ path: 'queue', message: `no queue ${code}` }]);
    return queue.id;
  }

  private priority(value: unknown): number {
    const priority = Number(value);
    if (!Number.isInteger(priority) || priority < 1 || priority > 99) throw badRequest('invalid_priority', `The route set priority ${JSON.stringify(value)}`, [{ path: 'priority', message: 'must be a whole number' }]);
    return priority;
  }
}
