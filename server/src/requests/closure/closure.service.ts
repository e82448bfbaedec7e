import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { conflict, forbidden } from '../../common/docket-error';
import { DOCKET_CONFIG } from '../../config/config.module';
import type { DocketConfig } from '../../config/docket-config';
import { NotificationEvents } from '../../notifications/notification-events';
import { actorQueues } from '../../queues/queue-access';
import type { ScheduledJob } from '../../scheduler/entities/scheduled-job.entity';
import { SchedulerService } from '../../scheduler/scheduler.service';
import { SlaClocks } from '../../sla/sla-clocks';
import { STATUS_RESOLVED } from '../domain/route-outcome';
import { CustomerRequest } from '../entities/customer-request.entity';
import { Idempotency } from '../processing/idempotency';
import { accessRequest } from '../processing/request-access';
import type { RequestSummary } from '../processing/versioned-update';
import { ROUTE_SOURCE, type RouteSource } from '../route-source';
import { AUTO_CLOSE_JOB } from './awaiting-confirmation';
import type { ConfirmSolutionDto, ReasonedChangeDto } from './closure.dto';
import { requestForVoice, type CustomerVoice } from './customer-side';
import { RequestClosure } from './request-closure';
import { versionedCall } from './versioned-call';

/** Two-phase closure: the customer's side confirms (with a rating) or rejects a solution; queue administrators reopen closed requests. */
@Injectable()
export class ClosureService implements OnModuleInit {
  readonly closure: RequestClosure;
  private readonly idempotency: Idempotency;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    audit: AuditService,
    private readonly scheduler: SchedulerService,
    sla: SlaClocks,
    events: NotificationEvents,
    @Inject(DOCKET_CONFIG) config: DocketConfig,
    @Inject(ROUTE_SOURCE) routes: RouteSource,
  ) {
    this.closure = new RequestClosure({ routes, audit, sla, events, mailDomain: config.mail.domain, autoCloseHours: config.closure.autoCloseHours });
    this.idempotency = new Idempotency(dataSource);
  }

  onModuleInit(): void {
    this.scheduler.register(AUTO_CLOSE_JOB, (job, manager, now) => this.autoClose(job, manager, now));
  }

  /** The same call serves staff now and the customer portal later: only the voice differs. */
  confirm(voice: CustomerVoice, id: number, body: ConfirmSolutionDto, idempotencyKey?: string, now = new Date()): Promise<RequestSummary> {
    return versionedCall(this.dataSource, this.idempotency, voice.principal, { path: `/api/requests/${id}/confirm`, body, idempotencyKey }, (manager) => requestForVoice(manager, voice, id), (manager, request) =>
      this.closure.close(manager, voice.principal, request, body.expectedVersion, { rating: body.rating, comment: body.comment?.trim() || null, byTimeout: false }, now),
    );
  }

  rejectSolution(voice: CustomerVoice, id: number, body: ReasonedChangeDto, idempotencyKey?: string, now = new Date()): Promise<RequestSummary> {
    return versionedCall(this.dataSource, this.idempotency, voice.principal, { path: `/api/requests/${id}/reject-solution`, body, idempotencyKey }, (manager) => requestForVoice(manager, voice, id), async (manager, request) => {
      if (request.status !== STATUS_RESOLVED) throw conflict('not_resolved', `Request ${request.number} is not waiting for its customer's confirmation`, [{ path: 'id', message: `status is ${request.status}` }]);
      await this.closure.reopen(manager, voice.principal, request, body.expectedVersion, { action: 'rejectSolution', reason: body.reason }, now);
    });
  }

  /** A closed request back to work, by an administrator of its queue. */
  reopen(actor: Principal, id: number, body: ReasonedChangeDto, idempotencyKey?: string, now = new Date()): Promise<RequestSummary> {
    const load = async (manager: EntityManager) => {
      const { request } = await accessRequest(manager, actor, id);
      if (request.queueId === null || !(await actorQueues(manager, actor)).administrator.includes(request.queueId)) {
        throw forbidden('Only an administrator of the request’s queue may reopen it', 'not_queue_administrator');
      }
      return request;
    };
    return versionedCall(this.dataSource, this.idempotency, actor, { path: `/api/requests/${id}/reopen`, body, idempotencyKey }, load, async (manager, request) => {
      if (request.isOpen) throw conflict('not_closed', `Request ${request.number} is not closed`, [{ path: 'id', message: `status is ${request.status}` }]);
      await this.closure.reopen(manager, actor, request, body.expectedVersion, { action: 'reopen', reason: body.reason }, now);
    });
  }

  /** Nobody answered in time. Idempotent: a request confirmed, rejected or reopened meanwhile is left alone. */
  private async autoClose(job: ScheduledJob, manager: EntityManager, now: Date): Promise<void> {
    const request = await manager.findOneBy(CustomerRequest, { id: job.subjectId ?? 0 });
    if (!request || request.status !== STATUS_RESOLVED) return;
    await this.closure.close(manager, null, request, request.version, { rating: null, comment: null, byTimeout: true }, now);
  }
}
