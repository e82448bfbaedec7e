import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService, changesBetween } from '../../audit/audit.service';
import { badRequest, conflict, notFound } from '../../common/docket-error';
import { User } from '../entities/user.entity';
import { Workgroup } from '../entities/workgroup.entity';
import type { Principal } from '../principal';
import { CreateWorkgroupDto, UpdateWorkgroupDto } from './workgroups.dto';

const AUDITED_FIELDS: (keyof Workgroup)[] = ['code', 'name', 'specialisation', 'territory', 'qualificationLevel', 'parentId', 'managerId', 'active'];

export interface WorkgroupView extends Omit<Workgroup, 'members'> {
  memberIds: number[];
}

@Injectable()
export class WorkgroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<WorkgroupView[]> {
    const groups = await this.dataSource.getRepository(Workgroup).find({ relations: { members: true }, order: { code: 'ASC' } });
    return groups.map(toView);
  }

  async create(actor: Principal, body: CreateWorkgroupDto, now = new Date()): Promise<WorkgroupView> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(Workgroup, { code: body.code })) {
        throw conflict('duplicate', `The workgroup code "${body.code}" is taken`, [{ path: 'code', message: 'already taken' }]);
      }
      await this.checkReferences(manager, null, body);
      const group = manager.create(Workgroup, { specialisation: null, territory: null, parentId: null, managerId: null, ...body, members: [] });
      await manager.save(group);
      await this.audit.record(manager, actor, { entityType: 'workgroup', entityId: group.id, action: 'create', changes: changesBetween(null, group, AUDITED_FIELDS) }, now);
      return toView(group);
    });
  }

  async update(actor: Principal, id: number, body: UpdateWorkgroupDto, now = new Date()): Promise<WorkgroupView> {
    return this.dataSource.transaction(async (manager) => {
      const group = await this.load(manager, id);
      await this.checkReferences(manager, id, body);
      const before = { ...group };
      Object.assign(group, body);
      await manager.save(group);
      await this.audit.record(manager, actor, { entityType: 'workgroup', entityId: id, action: 'update', changes: changesBetween(before, group, AUDITED_FIELDS) }, now);
      return toView(group);
    });
  }

  async setMembers(actor: Principal, id: number, userIds: number[], now = new Date()): Promise<WorkgroupView> {
    return this.dataSource.transaction(async (manager) => {
      const group = await this.load(manager, id);
      const users = userIds.length ? await manager.findBy(User, { id: In(userIds) }) : [];
      const missing = userIds.filter((userId) => !users.some((user) => user.id === userId));
      if (missing.length) throw badRequest('unknown_user', `Unknown user id: ${missing.join(', ')}`, [{ path: 'userIds', message: 'unknown user' }]);
      const before = toView(group).memberIds;
      group.members = users;
      await manager.save(group);
      const after = toView(group).memberIds;
      await this.audit.record(manager, actor, { entityType: 'workgroup', entityId: id, action: 'members', changes: [{ field: 'memberIds', old: before, new: after }] }, now);
      return toView(group);
    });
  }

  private async load(manager: EntityManager, id: number): Promise<Workgroup> {
    const group = await manager.findOne(Workgroup, { where: { id }, relations: { members: true } });
    if (!group) throw notFound('Workgroup', id);
    return group;
  }

  /** The management chain must stay a tree and point at things that exist. */
  private async checkReferences(manager: EntityManager, id: number | null, body: UpdateWorkgroupDto): Promise<void> {
    if (body.managerId != null && !(await manager.existsBy(User, { id: body.managerId }))) {
      throw badRequest('unknown_user', `Unknown manager ${body.managerId}`, [{ path: 'managerId', message: 'unknown user' }]);
    }
    let parentId = body.parentId ?? null;
    const seen = new Set<number>();
    while (parentId !== null) {
      if (parentId === id || seen.has(parentId)) {
        throw badRequest('cycle', 'A workgroup cannot be placed under itself', [{ path: 'parentId', message: 'would form a cycle' }]);
      }
      seen.add(parentId);
      const parent = await manager.findOneBy(Workgroup, { id: parentId });
      if (!parent) throw badRequest('unknown_workgroup', `Unknown parent workgroup ${parentId}`, [{ path: 'parentId', message: 'unknown workgroup' }]);
      parentId = parent.parentId;
    }
  }
}

function toView(group: Workgroup): WorkgroupView {
  const { members, ...rest } = group;
  return { ...rest, memberIds: (members ?? []).map((member) => member.id).sort((a, b) => a - b) };
}
