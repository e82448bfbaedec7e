import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changesBetween } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, DocketError } from '../common/docket-error';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { NotificationEvents } from '../notifications/notification-events';
import { queueRolesOf } from '../queues/queue-access';
import type { ScheduledJob } from '../scheduler/entities/scheduled-job.entity';
import { SchedulerService } from '../scheduler/scheduler.service';
import { SlaClocks } from '../sla/sla-clocks';
import { SlaTimers } from '../sla/sla-timers';
import { languageOf } from '../topics/resolution/messages';
import { validateAttributeWrite, valueIssues } from '../topics/resolution/value-validator';
import type { RouteEvent } from '../../../workflows/index';
import { valueWrites } from './domain/attribute-values';
import type { AssignDto, HandBackDto, TransitionDto, UpdateAttributesDto } from './dto/requests.dto';
import { CustomerRequest } from './entities/customer-request.entity';
import { AUDITED_REQUEST_FIELDS } from './intake.service';
import { Idempotency } from './processing/idempotency';
import { workableRequest } from './processing/request-access';
import { contextData, stepOverrides, storedValues, TopicForms } from './processing/request-context';
import { ROUTE_TIMER_JOB, RouteRunner } from './processing/route-runner';
import { SlaEscalation } from './processing/sla-escalation';
import { slaFollowers } from './processing/sla-followers';
import { claimedAt, claimVersionOf, RequestSummary, StaleVersion, summaryOf, updateVersioned } from './processing/versioned-update';
import { ROUTE_SOURCE, type RouteSource } from './route-source';
import { ListSlotAllocator } from './storage/list-slot-allocator';
import { writeRequestValues } from './storage/request-values.writer';

interface CallOptions {
  idempotencyKey?: string;
  acceptLanguage?: string;
  path: string;
}

/** Changes to one request: transitions, hand-off acceptance and hand-back, assignment, attribute edits. */
@Injectable()
export class ProcessingService implements OnModuleInit {
  private readonly runner: RouteRunner;
  private readonly idempotency: Idempotency;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly scheduler: SchedulerService,
    @Inject(DOCKET_CONFIG) config: DocketConfig,
    @Inject(ROUTE_SOURCE) routes: RouteSource,
    sla: SlaClocks,
    private readonly notifications: NotificationEvents,
    private readonly slaTimers: SlaTimers,
  ) {
    this.runner = new RouteRunner({ routes, audit, mailDomain: config.mail.domain, autoCloseHours: config.closure.autoCloseHours, followers: slaFollowers(sla) });
    this.idempotency = new Idempotency(dataSource);
  }

  onModuleInit(): void {
    this.scheduler.register(ROUTE_TIMER_JOB, (job, manager, now) => this.timerFired(job, manager, now));
    const escalation = new SlaEscalation(this.runner, this.audit);
    this.slaTimers.onFired((manager, kind, firings, now) => escalation.fired(manager, kind, firings, now));
  }

  transition(actor: Principal, id: number, body: TransitionDto, options: CallOptions, now = new Date()): Promise<RequestSummary> {
    return this.versioned(actor, id, body, options, async (manager, request) => {
      const changes = body.changes ?? {};
      const forms = new TopicForms(manager);
      const attributes = await forms.attributesOf(request.topicId);
      const language = languageOf(options.acceptLanguage);
      const issues = Object.entries(changes).flatMap(([code, value]) => {
        const attribute = attributes.find((candidate) => candidate.code === code);
        if (!attribute) return [{ path: `changes.${code}`, message: 'this topic has no such attribute' }];
        return value === null ? [] : valueIssues(code, attribute, value, language, attribute.allowedValues).map((issue) => ({ ...issue, path: `changes.${issue.path}` }));
      });
      if (issues.length) throw badRequest('invalid_attributes', 'The attribute values are not valid', issues);
      return this.advance(manager, forms, actor, request, body.expectedVersion, { type: 'transition', transitionId: body.transitionId, tokenId: body.tokenId, changes }, 'transition', now);
    });
  }

  /** The receiver of a hand-off takes it: the request stays where it is and is no longer awaiting acceptance. */
  accept(actor: Principal, id: number, body: { expectedVersion: number }, options: CallOptions, now = new Date()): Promise<RequestSummary> {
    return this.versioned(actor, id, body, options, async (manager, request) => {
      if (!request.awaitingAcceptance) throw conflict('not_handed_off', 'The request is not waiting for anyone to accept it', [{ path: 'id', message: 'nothing to accept' }]);
      const before = { ...request };
      await updateVersioned(manager, request, body.expectedVersion, { awaitingAcceptance: false, assigneeId: request.assigneeId ?? actor.userId }, now);
      await this.audit.record(manager, actor, { entityType: 'request', entityId: id, action: 'accept', changes: changesBetween(before, request, AUDITED_REQUEST_FIELDS) }, now);
      await this.notifications.requestChanged(manager, before, request, actor, now);
      return summaryOf(request);
    });
  }

  handBack(actor: Principal, id: number, body: HandBackDto, options: CallOptions, now = new Date()): Promise<RequestSummary> {
    return this.versioned(actor, id, body, options, async (manager, request) => {
      if (!request.awaitingAcceptance) throw conflict('not_handed_off', 'Only a hand-off not yet accepted can be handed back', [{ path: 'id', message: 'nothing to hand back' }]);
      return this.advance(manager, new TopicForms(manager), actor, request, body.expectedVersion, { type: 'handBack', reason: body.reason }, 'handBack', now, { assigneeId: null });
    });
  }

  assign(actor: Principal, id: number, body: AssignDto, options: CallOptions, now = new Date()): Promise<RequestSummary> {
    return this.versioned(actor, id, body, options, async (manager, request) => {
      const assigneeId = body.assigneeId ?? null;
      if (assigneeId !== null && (request.queueId === null || !(await queueRolesOf(manager, assigneeId)).member.includes(request.queueId))) {
        throw badRequest('invalid_assignee', 'The assignee must be a member of the request’s queue', [{ path: 'assigneeId', message: 'not a member of the queue' }]);
      }
      const before = { ...request };
      await updateVersioned(manager, request, body.expectedVersion, { assigneeId }, now);
      await this.audit.record(manager, actor, { entityType: 'request', entityId: id, action: 'assign', changes: changesBetween(before, request, ['assigneeId']) }, now);
      await this.notifications.requestChanged(manager, before, request, actor, now);
      return summaryOf(request);
    });
  }

  /** Attribute edits at the current step: its flags apply (hidden and read-only ones cannot be set). */
  updateAttributes(actor: Principal, id: number, body: UpdateAttributesDto, options: CallOptions, now = new Date()): Promise<RequestSummary> {
    return this.versioned(actor, id, body, options, async (manager, request) => {
      const forms = new TopicForms(manager);
      const current = await storedValues(manager, forms, request);
      const topic = (await forms.topic(request.topicId))!;
      const data = await contextData(manager, request, topic.code, actor, { ...current, ...body.values });
      const route = await this.runner.pinned(manager, request);
      const form = await forms.resolve(request.topicId, data, route ? stepOverrides(RouteRunner.userTaskAt(route, request.routeState)) : null, true);
      const issues = validateAttributeWrite(form.attributes, { values: body.values, current, enforceRequired: false, language: languageOf(options.acceptLanguage) });
      if (issues.length) throw badRequest('invalid_attributes', 'The attribute values are not valid', issues.map((issue) => ({ path: `values.${issue.path}`, message: issue.message })));
      await updateVersioned(manager, request, body.expectedVersion, {}, now);
      await writeRequestValues(manager, { requestId: id, queueId: request.queueId, isOpen: request.isOpen }, valueWrites(form.attributes, body.values), await ListSlotAllocator.slotsFor(manager));
      const changes = Object.entries(body.values).map(([code, value]) => ({ field: `attributes.${code}`, old: current[code] ?? null, new: value }));
      await this.audit.record(manager, actor, { entityType: 'request', entityId: id, action: 'attributes', changes }, now);
      return summaryOf(request);
    });
  }

  /** Runs one event through the route and stores the outcome under the version check. */
  private async advance(manager: EntityManager, forms: TopicForms, actor: Principal | null, request: CustomerRequest, expectedVersion: number, event: RouteEvent, action: string, now: Date, extra: Partial<CustomerRequest> = {}): Promise<RequestSummary> {
    return this.runner.advance(manager, forms, actor, request, expectedVersion, event, action, now, extra);
  }

  private async timerFired(job: ScheduledJob, manager: EntityManager, now: Date): Promise<void> {
    const request = await manager.findOneBy(CustomerRequest, { id: job.subjectId ?? 0 });
    if (!request || !request.isOpen) return;
    await this.advance(manager, new TopicForms(manager), null, request, request.version, { type: 'timerFired', timerId: String(job.payload?.timerId) }, 'route.timer', now);
  }

  /** One transaction (idempotent with a key) that works the request at the version the client read; stale → 409 with the current state. */
  private async versioned(actor: Principal, id: number, body: { expectedVersion: number }, options: CallOptions, work: (manager: EntityManager, request: CustomerRequest) => Promise<RequestSummary>): Promise<RequestSummary> {
    try {
      return await this.idempotency.run(actor, options.idempotencyKey, { method: 'POST', path: options.path, body, status: 200 }, async (manager) => {
        // The version first: of two writers of one version the second fails on its first statement, and learns
        // nothing it may not read (the 409 below reads the request with the access check).
        await claimVersionOf(manager, id, body.expectedVersion);
        return work(manager, claimedAt(await workableRequest(manager, actor, id), body.expectedVersion));
      });
    } catch (error) {
      if (!(error instanceof StaleVersion)) throw error;
      // As if the request had been read first: one the caller may not work (or that is archived) is refused as such.
      const request = await workableRequest(this.dataSource.manager, actor, id);
      throw new DocketError(409, 'stale_version', `Request ${request.number} changed since version ${body.expectedVersion}; reload it and try again`, [{ path: 'expectedVersion', message: `the current version is ${request.version}` }], { current: summaryOf(request) });
    }
  }
}
