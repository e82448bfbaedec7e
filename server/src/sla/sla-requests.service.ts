import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest, forbidden } from '../common/docket-error';
import { Page, pageOf } from '../common/paging';
import { actorQueues } from '../queues/queue-access';
import { accessRequest, READ_ALL } from '../requests/processing/request-access';
import type { ClockView } from './clock-replay';
import { evaluateClocks } from './clock-store';
import { SlaBreach } from './entities/sla-breach.entity';
import { SlaClock } from './entities/sla-clock.entity';
import { RESOLUTION } from './policy-rules';
import { keepDueAt } from './request-due';
import { SlaClocks } from './sla-clocks';
import type { BreachListQuery, DeadlineChangeDto, WhatIfDto } from './sla.dto';

export interface WhatIfView {
  requestId: number;
  at: string;
  change: { priority?: number; calendarId?: number };
  clocks: { clock: string; current: ClockView; hypothetical: ClockView }[];
}

/** A request's clocks as a manager sees them: explained, what-if, changed by hand; and the breach list. */
@Injectable()
export class SlaRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clocks: SlaClocks,
    private readonly audit: AuditService,
  ) {}

  async clocksOf(actor: Principal, requestId: number, now = new Date()): Promise<ClockView[]> {
    await accessRequest(this.dataSource.manager, actor, requestId);
    return this.clocks.views(await evaluateClocks(this.dataSource.manager, requestId, now));
  }

  /** Replays the ledger with the change appended, in memory only: nothing is written. */
  async whatIf(actor: Principal, requestId: number, body: WhatIfDto, now = new Date()): Promise<WhatIfView> {
    if (body.priority === undefined && body.calendarId === undefined) throw badRequest('validation_failed', 'Say what would change', [{ path: 'priority', message: 'give priority, calendarId or both' }]);
    const manager = this.dataSource.manager;
    await accessRequest(manager, actor, requestId);
    const at = body.at ? new Date(body.at) : now;
    const current = await evaluateClocks(manager, requestId, at);
    if (!current.length) throw badRequest('no_clocks', `Request ${requestId} has no SLA clocks`, [{ path: 'requestId', message: 'no SLA policy applies to this request' }]);
    const hypothetical = await evaluateClocks(manager, requestId, at, { at, priority: body.priority, calendarId: body.calendarId });
    const currentViews = this.clocks.views(current);
    const hypotheticalViews = this.clocks.views(hypothetical);
    return {
      requestId,
      at: at.toISOString(),
      change: { priority: body.priority, calendarId: body.calendarId },
      clocks: currentViews.map((view, index) => ({ clock: view.clock, current: view, hypothetical: hypotheticalViews[index] })),
    };
  }

  /** Managers change any request's deadline; anyone else only in queues they administer. Always with a reason, audited. */
  async changeDeadline(actor: Principal, requestId: number, body: DeadlineChangeDto, now = new Date()): Promise<ClockView[]> {
    return this.dataSource.transaction(async (manager) => {
      const { request } = await accessRequest(manager, actor, requestId);
      if (!actor.permissions.has('sla.read') && !(request.queueId !== null && (await actorQueues(manager, actor)).administrator.includes(request.queueId))) {
        throw forbidden('Only a manager or an administrator of the request\'s queue may change its deadline', 'permission_denied');
      }
      const clock = body.clock ?? RESOLUTION;
      const state = await manager.findOneBy(SlaClock, { requestId, clock });
      if (!state || (state.state !== 'running' && state.state !== 'paused')) throw badRequest('clock_not_running', `Request ${requestId} has no running clock "${clock}"`, [{ path: 'clock', message: 'no running clock of this name' }]);
      const deadline = new Date(body.deadline);
      if (deadline <= now) throw badRequest('validation_failed', 'The new deadline must be in the future', [{ path: 'deadline', message: 'must be later than now' }]);
      const views = await this.clocks.setDeadline(manager, requestId, clock, deadline, body.reason, actor.userId, now);
      await keepDueAt(manager, request, views, now, true);
      await this.audit.record(manager, actor, { entityType: 'request', entityId: requestId, action: 'sla.deadline', changes: [{ field: `${clock}.deadline`, old: state.deadline?.toISOString() ?? null, new: deadline.toISOString() }, { field: 'reason', old: null, new: body.reason }] }, now);
      return views;
    });
  }

  /** The breaches of the queues the caller reads: all of them with requests.read.all, else those of their own queues. */
  async breaches(actor: Principal, query: BreachListQuery): Promise<Page<SlaBreach>> {
    const builder = this.dataSource.getRepository(SlaBreach).createQueryBuilder('b').where('b.kind = :kind', { kind: query.kind }).orderBy('b.occurredAt', 'DESC').addOrderBy('b.id', 'DESC');
    if (query.state === 'current') builder.andWhere('b.closedAt IS NULL');
    if (query.state === 'past') builder.andWhere('b.closedAt IS NOT NULL');
    if (!actor.permissions.has(READ_ALL as never)) {
      const { member } = await actorQueues(this.dataSource.manager, actor);
      builder.andWhere(member.length ? 'b.queueId IN (:...member)' : '1 = 0', { member });
    }
    if (query.queueId !== undefined) builder.andWhere('b.queueId = :queueId', { queueId: query.queueId });
    if (query.assigneeId !== undefined) builder.andWhere('b.assigneeId = :assigneeId', { assigneeId: query.assigneeId });
    if (query.topicId !== undefined) builder.andWhere('b.topicId = :topicId', { topicId: query.topicId });
    if (query.workgroupId !== undefined) builder.andWhere('b.assigneeId IN (SELECT m.userId FROM workgroup_members m WHERE m.workgroupId = :workgroupId)', { workgroupId: query.workgroupId });
    return pageOf(builder, query);
  }
}
