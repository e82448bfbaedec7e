import type { EntityManager } from 'typeorm';
import { changesBetween, type AuditRecord, type AuditService } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { badRequest, conflict, DocketError } from '../../common/docket-error';
import { dispatchRouteNotice, notifyRequestChanged } from '../../notifications/notification-dispatch';
import { configuredQueues } from '../../queues/configured-queues';
import { cancelJobs, scheduleJob } from '../../scheduler/job-runner';
import { interpret, RouteError, type InterpretResult, type RouteContext, type RouteEvent, type RouteState, type UserTaskStep } from '../../../../workflows/index';
import { valueWrites } from '../domain/attribute-values';
import { planEffects, positionOf, STATUS_RESOLVED, type EffectPlan } from '../domain/route-outcome';
import { awaitConfirmation } from '../closure/awaiting-confirmation';
import type { CustomerRequest } from '../entities/customer-request.entity';
import { ChildRequests } from './child-requests';
import type { PinnedRoute, RouteSource } from '../route-source';
import { ListSlotAllocator } from '../storage/list-slot-allocator';
import { moveValueBucket, writeRequestValues } from '../storage/request-values.writer';
import { resolveRecipients } from './notification-recipients';
import { contextData, storedValues, TopicForms } from './request-context';
import { AUDITED_REQUEST_FIELDS } from './request-creation';
import { summaryOf, updateVersioned, type RequestSummary } from './versioned-update';
import { scheduleWebhook } from './webhook-delivery';

export const ROUTE_TIMER_JOB = 'request.routeTimer';

/** Route versions a runner keeps read (the oldest read is dropped first). */
const PINNED_VERSIONS_KEPT = 256;

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
  /** How long a resolved request waits for its customer before it closes by itself (absent: the default). */
  autoCloseHours?: number;
  /** Told of the requests the runner itself creates (children) and moves (parents, cancelled children). */
  followers?: RequestFollowers;
}

export interface RequestFollowers {
  /**
   * A request about to be created, before its row is written (the follower may set the row's fields: its due date);
   * what it answers runs once the row and the route's effects are written.
   */
  creating(manager: EntityManager, request: CustomerRequest, now: Date): Promise<((manager: EntityManager, created: CustomerRequest) => Promise<void>) | null>;
  changed(manager: EntityManager, before: CustomerRequest, after: CustomerRequest, now: Date): Promise<void>;
}

/** Runs a request's route through the interpreter and carries out the effects in the caller's transaction. */
export class RouteRunner {
  private readonly children: ChildRequests;
  private readonly versions = new Map<number, PinnedRoute>();

  constructor(private readonly deps: RunnerDeps) {
    this.children = new ChildRequests(this, deps.audit, deps.followers);
  }

  /** Runs one event through the route and stores the outcome under the version check; `extra` overrides columns. */
  async advance(manager: EntityManager, forms: TopicForms, actor: Principal | null, request: CustomerRequest, expectedVersion: number, event: RouteEvent, action: string, now: Date, extra: Partial<CustomerRequest> = {}): Promise<RequestSummary> {
    const route = await this.pinned(manager, request);
    if (!route || !request.routeState) throw conflict('no_route', 'The request’s topic has no route, so it has no transitions', [{ path: 'id', message: 'no route' }]);
    const topic = (await forms.topic(request.topicId))!;
    const data = await contextData(manager, request, topic.code, actor, await storedValues(manager, forms, request));
    const outcome = await this.interpret(manager, route, request, event, await this.routeContext(forms, request.topicId, data), now);
    const before = { ...request };
    await updateVersioned(manager, request, expectedVersion, { ...outcome.fields, ...extra }, now);
    await this.deps.followers?.changed(manager, before, request, now);
    await notifyRequestChanged(manager, before, request, actor, now, this.deps.mailDomain);
    await this.apply(manager, forms, before, request, outcome, actor, now, { journal: [{ entityType: 'request', entityId: request.id, action, changes: changesBetween(before, request, AUDITED_REQUEST_FIELDS) }] });
    return summaryOf(request);
  }

  async publishedFor(manager: EntityManager, topicId: number): Promise<PinnedRoute | null> {
    return this.deps.routes ? this.deps.routes.publishedForTopic(manager, topicId) : null;
  }

  async pinned(manager: EntityManager, request: Pick<CustomerRequest, 'routeVersionId'>): Promise<PinnedRoute | null> {
    if (request.routeVersionId === null) return null;
    if (!this.deps.routes) throw new Error('a request is pinned to a route version but no route source is installed');
    // A version's definition is frozen when it is published, so it is read once per process, not once per call.
    const known = this.versions.get(request.routeVersionId);
    if (known) return known;
    const version = await this.deps.routes.version(manager, request.routeVersionId);
    if (this.versions.size >= PINNED_VERSIONS_KEPT) this.versions.delete(this.versions.keys().next().value!);
    this.versions.set(version.versionId, version);
    return version;
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
    return this.outcomeOf(manager, route, request, result, now);
  }

  /** The request columns and effect plan of one interpretation (an event's, or a reopening's). */
  async outcomeOf(manager: EntityManager, route: PinnedRoute, request: CustomerRequest, result: InterpretResult, now: Date): Promise<RouteOutcome> {
    const plan = planEffects(result.effects);
    const previousQueue = request.queueId === null ? undefined : (await configuredQueues(manager)).get(request.queueId)?.code;
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
    // A request resolved at an end step stays open until its customer confirms (see closure/).
    if (result.state.status === 'ended') Object.assign(fields, { resolution: plan.close ?? result.state.resolution ?? null, closedAt: position.isOpen ? null : now });
    return { state: result.state, plan, fields };
  }

  /** The user task a token waits at, for step attribute overrides. */
  static userTaskAt(route: PinnedRoute, state: RouteState | null): UserTaskStep | undefined {
    const stepId = state?.tokens[0]?.stepId;
    const step = route.definition.steps.find((candidate) => candidate.id === stepId);
    return step?.kind === 'userTask' ? step : undefined;
  }

  /**
   * After the request row holds the outcome's fields: values, timers, mail and the journal, all in the same transaction.
   * `valuesInBucket`: the value rows were written after the outcome, already in the request's queue bucket.
   * `journal`: the caller's own lines about the change, written in one INSERT before the route's.
   */
  async apply(manager: EntityManager, forms: TopicForms, before: CustomerRequest | null, after: CustomerRequest, outcome: RouteOutcome, actor: Principal | null, now: Date, options: { valuesInBucket?: boolean; journal?: AuditRecord[] } = {}): Promise<void> {
    const { plan } = outcome;
    const bucket = { requestId: after.id, queueId: after.queueId, isOpen: after.isOpen };
    if (!options.valuesInBucket && before && (before.queueId !== after.queueId || before.isOpen !== after.isOpen)) await moveValueBucket(manager, bucket);
    const attributes = await forms.attributesOf(after.topicId);
    const known = Object.fromEntries(Object.entries(plan.attributeChanges).filter(([code]) => attributes.some((attribute) => attribute.code === code)));
    const unknown = Object.keys(plan.attributeChanges).filter((code) => !(code in known));
    if (Object.keys(known).length) await writeRequestValues(manager, bucket, valueWrites(attributes, known), await ListSlotAllocator.slotsFor(manager));
    for (const timer of plan.timersToStart) {
      await scheduleJob(manager, { kind: ROUTE_TIMER_JOB, dueAt: new Date(timer.firesAt), dedupeKey: `request:${after.id}:timer:${timer.timerId}`, subjectType: 'request', subjectId: after.id, payload: { timerId: timer.timerId } }, now);
    }
    if (outcome.state.status === 'ended') await cancelJobs(manager, ROUTE_TIMER_JOB, 'request', after.id, now);
    if (after.status === STATUS_RESOLVED && before?.status !== STATUS_RESOLVED) await awaitConfirmation(manager, after, { autoCloseHours: this.deps.autoCloseHours, mailDomain: this.deps.mailDomain }, now);
    const unresolved: string[] = [];
    for (const notification of plan.notifications) {
      const recipients = await resolveRecipients(manager, after, notification.recipients, notification.template);
      unresolved.push(...recipients.unresolved);
      const eventKey = `request:${after.id}:${outcome.state.sequence}:${notification.event}:${notification.stepId ?? notification.transitionId ?? ''}:${notification.template}`;
      await dispatchRouteNotice(manager, { request: after, template: notification.template, event: notification.event, emails: recipients.emails, users: recipients.users, eventKey }, now, this.deps.mailDomain);
    }
    const routeLines = [
      ...plan.audit,
      ...unknown.map((code) => ({ action: 'actionSkipped', detail: `the route set ${code}, which the topic does not have` })),
      ...unresolved.map((recipient) => ({ action: 'actionSkipped', detail: `notification recipient ${recipient} has no e-mail address` })),
    ];
    await this.deps.audit.recordMany(manager, actor, [...(options.journal ?? []), ...routeLines.map((line) => ({ entityType: 'request', entityId: after.id, action: `route.${line.action}`, changes: [{ field: 'route', old: null, new: line }] }))], now);
    await this.related(manager, forms, before, after, outcome, actor, now);
  }

  /** Effects on other requests and systems, after the request's own: children, webhooks, the parent. */
  private async related(manager: EntityManager, forms: TopicForms, before: CustomerRequest | null, after: CustomerRequest, outcome: RouteOutcome, actor: Principal | null, now: Date): Promise<void> {
    const { plan } = outcome;
    for (const cancel of plan.childrenToCancel) await this.children.cancel(manager, forms, after, cancel.keys, actor, now);
    await this.children.spawn(manager, forms, after, plan.childrenToSpawn, actor, now);
    if (plan.webhooks.length) {
      const values = await storedValues(manager, forms, after);
      for (const [index, webhook] of plan.webhooks.entries()) await scheduleWebhook(manager, after, webhook, values, `webhook:${after.id}:${after.version}:${outcome.state.sequence}:${index}`, now);
    }
    if (outcome.state.status === 'ended' && before?.routeState?.status !== 'ended') await this.children.ended(manager, forms, after, actor, now);
  }

  private async queueId(manager: EntityManager, code: string): Promise<number> {
    const queue = [...(await configuredQueues(manager)).values()].find((known) => known.code === code);
    if (!queue) throw conflict('unknown_queue', `The route assigns queue "${code}", which does not exist`, [{ path: 'queue', message: `no queue ${code}` }]);
    return queue.id;
  }

  private priority(value: unknown): number {
    const priority = Number(value);
    if (!Number.isInteger(priority) || priority < 1 || priority > 99) throw badRequest('invalid_priority', `The route set priority ${JSON.stringify(value)}`, [{ path: 'priority', message: 'must be a whole number' }]);
    return priority;
  }
}
