import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changesBetween } from '../../audit/audit.service';
import { User } from '../../auth/entities/user.entity';
import type { Principal } from '../../auth/principal';
import { badRequest, conflict, notFound } from '../../common/docket-error';
import { Page, pageOf } from '../../common/paging';
import { Partner } from '../../directory/entities/partner.entity';
import { sanitizePlainText, sanitizeRichText } from '../domain/rich-text';
import { accessRequest, workableRequest } from '../processing/request-access';
import { WorkOrder } from './entities/work-order.entity';
import { accessWorkOrder, workOrderScope } from './work-order-access';
import { allowedNext, canMove } from './work-order-status';
import type { CreateWorkOrderDto, WorkOrderListQuery, WorkOrderStatusDto } from './work-orders.dto';

const AUDITED: (keyof WorkOrder)[] = ['requestId', 'partnerId', 'subject', 'description', 'status', 'dueAt'];

/** Work orders to partner organisations: given from a request, progressed by the partner (or the queue). */
@Injectable()
export class WorkOrdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Principal, requestId: number, body: CreateWorkOrderDto, now = new Date()): Promise<WorkOrder> {
    return this.dataSource.transaction(async (manager) => {
      await workableRequest(manager, actor, requestId);
      const partner = await manager.findOneBy(Partner, { id: body.partnerId });
      if (!partner?.active) throw badRequest('unknown_partner', `No active partner ${body.partnerId}`, [{ path: 'partnerId', message: 'not an active partner' }]);
      // As on requests: the subject is plain text, the description safe rich text, whoever renders them.
      const subject = sanitizePlainText(body.subject);
      if (!subject) throw badRequest('invalid_work_order', 'The work order is not valid', [{ path: 'subject', message: 'is empty once markup is removed' }]);
      const order = await manager.save(
        manager.create(WorkOrder, { requestId, partnerId: partner.id, subject, description: body.description ? sanitizeRichText(body.description) : null, status: 'new', dueAt: body.dueAt ? new Date(body.dueAt) : null, createdById: actor.userId, createdAt: now, updatedAt: now, version: 1 }),
      );
      await this.audit.record(manager, actor, { entityType: 'workOrder', entityId: order.id, action: 'create', changes: changesBetween(null, order, AUDITED) }, now);
      return order;
    });
  }

  async ofRequest(actor: Principal, requestId: number): Promise<WorkOrder[]> {
    const manager = this.dataSource.manager;
    await accessRequest(manager, actor, requestId);
    return manager.find(WorkOrder, { where: { requestId }, order: { id: 'ASC' } });
  }

  async list(actor: Principal, query: WorkOrderListQuery): Promise<Page<WorkOrder>> {
    const scope = await workOrderScope(this.dataSource.manager, actor);
    const builder = this.dataSource.getRepository(WorkOrder).createQueryBuilder('o').orderBy('o.id', 'DESC');
    if ('partnerId' in scope) builder.andWhere('o.partnerId = :own', { own: scope.partnerId });
    else if (scope.queueIds !== 'all') {
      if (!scope.queueIds.length) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      builder.andWhere('o.requestId IN (SELECT r.id FROM requests r WHERE r.queueId IN (:...queueIds))', { queueIds: scope.queueIds });
    }
    if (query.status) builder.andWhere('o.status = :status', { status: query.status });
    if (query.partnerId !== undefined) builder.andWhere('o.partnerId = :partnerId', { partnerId: query.partnerId });
    return pageOf(builder, query);
  }

  async get(actor: Principal, id: number): Promise<WorkOrder> {
    return (await accessWorkOrder(this.dataSource.manager, actor, id)).order;
  }

  /** `UPDATE … WHERE id = ? AND version = ?`: of two writers that read the same version only the first wins. */
  async changeStatus(actor: Principal, id: number, body: WorkOrderStatusDto, now = new Date()): Promise<WorkOrder> {
    return this.dataSource.transaction(async (manager) => {
      const { order, scope } = await accessWorkOrder(manager, actor, id);
      if (!('partnerId' in scope)) await workableRequest(manager, actor, order.requestId);
      if (order.version !== body.expectedVersion) throw stale(order);
      if (!canMove(order.status, body.status)) {
        throw conflict('invalid_transition', `A work order cannot go from ${order.status} to ${body.status}`, [{ path: 'status', message: `allowed: ${allowedNext(order.status).join(', ') || 'none'}` }]);
      }
      const result = await manager
        .createQueryBuilder()
        .update(WorkOrder)
        .set({ status: body.status, updatedAt: now, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version: body.expectedVersion })
        .execute();
      if (result.affected !== 1) throw stale((await manager.findOneBy(WorkOrder, { id }))!);
      const after = { ...order, status: body.status, updatedAt: now, version: body.expectedVersion + 1 };
      await this.audit.record(manager, actor, { entityType: 'workOrder', entityId: id, action: 'status', changes: changesBetween(order, after, ['status']) }, now);
      return after;
    });
  }

  /** Binds a user to a partner organisation (or unbinds): a bound user sees only that partner's work orders. */
  async bindPartner(actor: Principal, userId: number, partnerId: number | null, now = new Date()): Promise<{ userId: number; partnerId: number | null }> {
    await this.dataSource.transaction(async (manager: EntityManager) => {
      const user = await manager.findOneBy(User, { id: userId });
      if (!user) throw notFound('User', userId);
      if (partnerId !== null && !(await manager.existsBy(Partner, { id: partnerId }))) throw badRequest('unknown_partner', `No partner ${partnerId}`, [{ path: 'partnerId', message: 'no such partner' }]);
      if (user.partnerId === partnerId) return;
      await manager.update(User, { id: userId }, { partnerId, updatedAt: now });
      await this.audit.record(manager, actor, { entityType: 'user', entityId: userId, action: 'partner', changes: [{ field: 'partnerId', old: user.partnerId, new: partnerId }] }, now);
    });
    return { userId, partnerId };
  }
}

function stale(current: WorkOrder) {
  return conflict('stale_version', `Work order ${current.id} changed since it was read`, [{ path: 'expectedVersion', message: `the current version is ${current.version}` }], { current });
}
