import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService, changesBetween } from '../../audit/audit.service';
import { badRequest, conflict, notFound } from '../../common/docket-error';
import { Page, pageOf } from '../../common/paging';
import { escapeLike, LIKE_ESCAPE } from '../../common/sql-like';
import { Client } from '../../directory/entities/client.entity';
import { Partner } from '../../directory/entities/partner.entity';
import { AuthService } from '../auth.service';
import { toUserView, UserView } from '../dto/user.view';
import { Role } from '../entities/role.entity';
import { User } from '../entities/user.entity';
import { hashPassword } from '../password-hasher';
import type { Principal } from '../principal';
import { CreateUserDto, UpdateUserDto, UserListQuery } from './users.dto';

const AUDITED_FIELDS: (keyof User | 'roleCodes')[] = ['login', 'name', 'email', 'active', 'locale', 'timeZone', 'roleCodes', 'clientId', 'partnerId'];

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
  ) {}

  async list(query: UserListQuery): Promise<Page<UserView>> {
    const builder = this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.roles', 'role')
      .leftJoinAndSelect('user.workgroups', 'workgroup')
      .orderBy('user.login', 'ASC');
    if (query.q) {
      builder.andWhere(`(LOWER(user.login) LIKE :q ${LIKE_ESCAPE} OR LOWER(user.name) LIKE :q ${LIKE_ESCAPE} OR LOWER(user.email) LIKE :q ${LIKE_ESCAPE})`, {
        q: `%${escapeLike(query.q.toLowerCase())}%`,
      });
    }
    if (query.active !== undefined) builder.andWhere('user.active = :active', { active: query.active });
    return pageOf(builder, query, (rows) => rows.map(toUserView));
  }

  async findView(id: number): Promise<UserView> {
    return toUserView(await this.load(this.dataSource.manager, id));
  }

  async create(actor: Principal | null, body: CreateUserDto, now = new Date()): Promise<UserView> {
    const id = await this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(User, { login: body.login })) {
        throw conflict('duplicate', `The login "${body.login}" is taken`, [{ path: 'login', message: 'already taken' }]);
      }
      const roles = await this.rolesByCode(manager, body.roleCodes ?? []);
      const binding = await checkedBinding(manager, body.clientId ?? null, body.partnerId ?? null);
      const user = manager.create(User, {
        ...binding,
        login: body.login,
        name: body.name,
        email: body.email ?? null,
        passwordHash: await hashPassword(body.password),
        active: body.active ?? true,
        locale: body.locale ?? 'en',
        timeZone: body.timeZone ?? 'UTC',
        createdAt: now,
        updatedAt: now,
        roles,
      });
      await manager.save(user);
      const after = { ...user, roleCodes: roles.map((role) => role.code) };
      await this.audit.record(manager, actor, { entityType: 'user', entityId: user.id, action: 'create', changes: changesBetween(null, after, AUDITED_FIELDS) }, now);
      return user.id;
    });
    return this.findView(id);
  }

  async update(actor: Principal, id: number, body: UpdateUserDto, now = new Date()): Promise<UserView> {
    const deactivated = await this.dataSource.transaction(async (manager) => {
      const user = await this.load(manager, id);
      const before = { ...user, roleCodes: user.roles.map((role) => role.code) };
      if (body.roleCodes) user.roles = await this.rolesByCode(manager, body.roleCodes);
      if (body.clientId !== undefined || body.partnerId !== undefined) {
        const binding = await checkedBinding(manager, body.clientId === undefined ? user.clientId : body.clientId, body.partnerId === undefined ? user.partnerId : body.partnerId);
        // A contact person belongs to one client: another client (or none) leaves the user without one.
        Object.assign(user, binding, binding.clientId === user.clientId ? {} : { contactPersonId: null });
      }
      Object.assign(user, pick(body, ['name', 'email', 'active', 'locale', 'timeZone']), { updatedAt: now });
      await manager.save(user);
      const after = { ...user, roleCodes: user.roles.map((role) => role.code) };
      await this.audit.record(manager, actor, { entityType: 'user', entityId: id, action: 'update', changes: changesBetween(before, after, AUDITED_FIELDS) }, now);
      return before.active && !user.active;
    });
    if (deactivated) await this.auth.revokeSessions(id, now);
    return this.findView(id);
  }

  async setPassword(actor: Principal, id: number, password: string, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.load(manager, id);
      await manager.update(User, { id }, { passwordHash: await hashPassword(password), updatedAt: now });
      await this.audit.record(manager, actor, { entityType: 'user', entityId: id, action: 'password-reset', changes: [] }, now);
    });
    await this.auth.revokeSessions(id, now);
  }

  private async load(manager: EntityManager, id: number): Promise<User> {
    const user = await manager.findOne(User, { where: { id }, relations: { roles: true, workgroups: true } });
    if (!user) throw notFound('User', id);
    return user;
  }

  private async rolesByCode(manager: EntityManager, codes: string[]): Promise<Role[]> {
    if (codes.length === 0) return [];
    const roles = await manager.findBy(Role, { code: In(codes) });
    const unknown = codes.filter((code) => !roles.some((role) => role.code === code));
    if (unknown.length > 0) {
      throw badRequest('unknown_role', `Unknown role: ${unknown.join(', ')}`, unknown.map((code) => ({ path: `roleCodes.${codes.indexOf(code)}`, message: `no role "${code}"` })));
    }
    return roles;
  }
}

/** A user is a client's customer, a partner's user, or neither; what they are bound to must exist. */
async function checkedBinding(manager: EntityManager, clientId: number | null, partnerId: number | null): Promise<{ clientId: number | null; partnerId: number | null }> {
  const details: { path: string; message: string }[] = [];
  if (clientId !== null && !(await manager.existsBy(Client, { id: clientId }))) details.push({ path: 'clientId', message: `unknown client ${clientId}` });
  if (partnerId !== null && !(await manager.existsBy(Partner, { id: partnerId }))) details.push({ path: 'partnerId', message: `unknown partner ${partnerId}` });
  if (clientId !== null && partnerId !== null) details.push({ path: 'partnerId', message: "a client's customer cannot also be a partner's user" });
  if (details.length) throw badRequest('invalid_user', 'The user is not valid', details);
  return { clientId, partnerId };
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]])) as Partial<Pick<T, K>>;
}
