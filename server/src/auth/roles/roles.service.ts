import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, changesBetween } from '../../audit/audit.service';
import { conflict, notFound } from '../../common/docket-error';
import { Role } from '../entities/role.entity';
import { User } from '../entities/user.entity';
import type { Principal } from '../principal';
import { CreateRoleDto, UpdateRoleDto } from './roles.dto';

const AUDITED_FIELDS: (keyof Role)[] = ['code', 'name', 'description', 'permissions'];

@Injectable()
export class RolesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Role[]> {
    return this.dataSource.getRepository(Role).find({ order: { code: 'ASC' } });
  }

  async create(actor: Principal, body: CreateRoleDto, now = new Date()): Promise<Role> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(Role, { code: body.code })) {
        throw conflict('duplicate', `The role code "${body.code}" is taken`, [{ path: 'code', message: 'already taken' }]);
      }
      const role = manager.create(Role, { ...body, description: body.description ?? '', builtIn: false });
      await manager.save(role);
      await this.audit.record(manager, actor, { entityType: 'role', entityId: role.id, action: 'create', changes: changesBetween(null, role, AUDITED_FIELDS) }, now);
      return role;
    });
  }

  async update(actor: Principal, id: number, body: UpdateRoleDto, now = new Date()): Promise<Role> {
    return this.dataSource.transaction(async (manager) => {
      const role = await manager.findOneBy(Role, { id });
      if (!role) throw notFound('Role', id);
      const before = { ...role };
      Object.assign(role, body);
      await manager.save(role);
      await this.audit.record(manager, actor, { entityType: 'role', entityId: id, action: 'update', changes: changesBetween(before, role, AUDITED_FIELDS) }, now);
      return role;
    });
  }

  async remove(actor: Principal, id: number, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const role = await manager.findOneBy(Role, { id });
      if (!role) throw notFound('Role', id);
      if (role.builtIn) throw conflict('role_built_in', `The role "${role.code}" ships with Docket and cannot be deleted`);
      const holders = await manager.getRepository(User).createQueryBuilder('user').innerJoin('user.roles', 'role', 'role.id = :id', { id }).getCount();
      if (holders > 0) throw conflict('role_in_use', `The role "${role.code}" is held by ${holders} user(s); take it away from them first`);
      await manager.delete(Role, { id });
      await this.audit.record(manager, actor, { entityType: 'role', entityId: id, action: 'delete', changes: changesBetween(role, {}, AUDITED_FIELDS) }, now);
    });
  }
}
