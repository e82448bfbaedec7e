import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { AuditService, changesBetween } from '../audit/audit.service';
import { User } from '../auth/entities/user.entity';
import { Workgroup } from '../auth/entities/workgroup.entity';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, ErrorDetail, notFound } from '../common/docket-error';
import { definedFields } from '../common/defined-fields';
import { Page, pageOf } from '../common/paging';
import { escapeLike, LIKE_ESCAPE } from '../common/sql-like';
import { READ_ALL } from '../requests/processing/request-access';
import { actorQueues, queueStaffOf } from './queue-access';
import { Queue } from './queue.entity';
import { CreateQueueDto, QueueListQuery, QueuePeopleDto, UpdateQueueDto } from './queues.dto';

const AUDITED_FIELDS: (keyof Queue)[] = ['code', 'name', 'description', 'active', 'allowedSteps'];

/** A person who works a queue, as a list of requests names its assignees. */
export interface QueueMember {
  id: number;
  login: string;
  displayName: string;
  active: boolean;
}

export interface QueueView extends Omit<Queue, 'members' | 'workgroups' | 'administrators'> {
  memberIds: number[];
  workgroupIds: number[];
  administratorIds: number[];
}

@Injectable()
export class QueuesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Principal, query: QueueListQuery): Promise<Page<QueueView>> {
    const builder = this.dataSource.getRepository(Queue).createQueryBuilder('q').leftJoinAndSelect('q.members', 'member').leftJoinAndSelect('q.workgroups', 'workgroup').leftJoinAndSelect('q.administrators', 'administrator').orderBy('q.code', 'ASC');
    if (query.search) {
      const pattern = `%${escapeLike(query.search)}%`;
      builder.andWhere(new Brackets((where) => where.where(`q.code LIKE :pattern ${LIKE_ESCAPE}`, { pattern }).orWhere(`q.name LIKE :pattern ${LIKE_ESCAPE}`, { pattern })));
    }
    if (query.active !== undefined) builder.andWhere('q.active = :active', { active: query.active });
    if (query.mine) {
      const mine = (await actorQueues(this.dataSource.manager, actor)).member;
      builder.andWhere(mine.length ? 'q.id IN (:...mine)' : '1 = 0', { mine });
    }
    return pageOf(builder, query, (rows) => rows.map(toView));
  }

  async get(id: number): Promise<QueueView> {
    return toView(await this.load(this.dataSource.manager, id));
  }

  /**
   * Who works the queue, for showing assignees by name and choosing one. Readable like the queue's requests:
   * by its members, or with requests.read.all; any other caller hears 404, as for a request outside their queues.
   */
  async members(actor: Principal, id: number): Promise<QueueMember[]> {
    const manager = this.dataSource.manager;
    const mayRead = actor.permissions.has(READ_ALL as never) || (await actorQueues(manager, actor)).member.includes(id);
    if (!mayRead || !(await manager.existsBy(Queue, { id }))) throw notFound('Queue', id);
    const userIds = await queueStaffOf(manager, id);
    const users = userIds.length ? await manager.find(User, { where: { id: In(userIds) }, select: { id: true, login: true, name: true, active: true } }) : [];
    return users.map((user) => ({ id: user.id, login: user.login, displayName: user.name, active: user.active })).sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id - b.id);
  }

  async create(actor: Principal, body: CreateQueueDto, now = new Date()): Promise<QueueView> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(Queue, { code: body.code })) throw conflict('duplicate', `The queue code "${body.code}" is taken`, [{ path: 'code', message: 'already taken' }]);
      const queue = manager.create(Queue, { description: null, active: true, allowedSteps: [], ...definedFields(body), members: [], workgroups: [], administrators: [], createdAt: now, updatedAt: now });
      await manager.save(queue);
      await this.audit.record(manager, actor, { entityType: 'queue', entityId: queue.id, action: 'create', changes: changesBetween(null, queue, AUDITED_FIELDS) }, now);
      return toView(queue);
    });
  }

  async update(actor: Principal, id: number, body: UpdateQueueDto, now = new Date()): Promise<QueueView> {
    return this.dataSource.transaction(async (manager) => {
      const queue = await this.load(manager, id);
      const before = { ...queue };
      Object.assign(queue, definedFields(body), { updatedAt: now });
      await manager.save(queue);
      await this.audit.record(manager, actor, { entityType: 'queue', entityId: id, action: 'update', changes: changesBetween(before, queue, AUDITED_FIELDS) }, now);
      return toView(queue);
    });
  }

  async setPeople(actor: Principal, id: number, body: QueuePeopleDto, now = new Date()): Promise<QueueView> {
    return this.dataSource.transaction(async (manager) => {
      const queue = await this.load(manager, id);
      const before = toView(queue);
      const details: ErrorDetail[] = [];
      const users = await this.existing(manager, User, [...body.memberIds, ...body.administratorIds]);
      const workgroups = await this.existing(manager, Workgroup, body.workgroupIds);
      body.memberIds.forEach((userId, index) => users.has(userId) || details.push({ path: `memberIds.${index}`, message: `unknown user ${userId}` }));
      body.administratorIds.forEach((userId, index) => users.has(userId) || details.push({ path: `administratorIds.${index}`, message: `unknown user ${userId}` }));
      body.workgroupIds.forEach((groupId, index) => workgroups.has(groupId) || details.push({ path: `workgroupIds.${index}`, message: `unknown workgroup ${groupId}` }));
      if (details.length) throw badRequest('unknown_reference', 'Some people or workgroups do not exist', details);
      Object.assign(queue, {
        members: unique(body.memberIds).map((userId) => users.get(userId)),
        administrators: unique(body.administratorIds).map((userId) => users.get(userId)),
        workgroups: unique(body.workgroupIds).map((groupId) => workgroups.get(groupId)),
        updatedAt: now,
      });
      await manager.save(queue);
      const after = toView(queue);
      await this.audit.record(manager, actor, { entityType: 'queue', entityId: id, action: 'people', changes: changesBetween(before, after, ['memberIds', 'workgroupIds', 'administratorIds']) }, now);
      return after;
    });
  }

  private async existing<T extends User | Workgroup>(manager: EntityManager, entity: new () => T, ids: number[]): Promise<Map<number, T>> {
    if (!ids.length) return new Map();
    const rows = (await manager.findBy(entity, { id: In(unique(ids)) } as never)) as T[];
    return new Map(rows.map((row) => [row.id, row]));
  }

  private async load(manager: EntityManager, id: number): Promise<Queue> {
    const queue = await manager.findOne(Queue, { where: { id }, relations: { members: true, workgroups: true, administrators: true } });
    if (!queue) throw notFound('Queue', id);
    return queue;
  }
}

const unique = (ids: number[]) => [...new Set(ids)];
const idsOf = (rows: { id: number }[] | undefined) => (rows ?? []).map((row) => row.id).sort((a, b) => a - b);

function toView(queue: Queue): QueueView {
  const { members, workgroups, administrators, ...rest } = queue;
  return { ...rest, memberIds: idsOf(members), workgroupIds: idsOf(workgroups), administratorIds: idsOf(administrators) };
}
