import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { AuditService, changesBetween } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { conflict, DocketError, notFound } from '../../common/docket-error';
import { actorQueues } from '../../queues/queue-access';
import { CustomerRequest } from '../entities/customer-request.entity';
import { RequestListQuery } from '../list/request-list.query';
import { SavedFilter } from './entities/saved-filter.entity';
import { listSpecFor, storedListAttributes } from './list-spec';
import type { SavedListQuery } from './saved-query';
import type { SavedFilterDto, SavedListQueryDto } from './views.dto';

const AUDITED: (keyof SavedFilter)[] = ['name', 'query', 'shared'];

export interface SavedFilterView {
  id: number;
  name: string;
  query: SavedListQuery;
  shared: boolean;
  ownerId: number;
  mine: boolean;
  updatedAt: Date;
}

/** Named request list queries per user; shared ones are offered to everyone who reads requests. */
@Injectable()
export class SavedFiltersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Principal): Promise<SavedFilterView[]> {
    const rows = await this.dataSource
      .getRepository(SavedFilter)
      .createQueryBuilder('f')
      .where(new Brackets((where) => where.where('f.userId = :userId', { userId: actor.userId }).orWhere('f.shared = :shared', { shared: true })))
      .orderBy('f.name', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getMany();
    return rows.map((row) => viewOf(row, actor));
  }

  async get(actor: Principal, id: number): Promise<SavedFilterView> {
    const row = await this.dataSource.manager.findOneBy(SavedFilter, { id });
    if (!row || (row.userId !== actor.userId && !row.shared)) throw notFound('Saved filter', id);
    return viewOf(row, actor);
  }

  async create(actor: Principal, body: SavedFilterDto, now = new Date()): Promise<SavedFilterView> {
    const query = await this.checked(actor, body.query);
    const row = await this.dataSource.transaction(async (manager) => {
      await this.refuseDuplicate(manager, actor.userId, body.name, null);
      const saved = await manager.save(manager.create(SavedFilter, { userId: actor.userId, name: body.name, query, shared: body.shared ?? false, createdAt: now, updatedAt: now }));
      await this.audit.record(manager, actor, { entityType: 'savedFilter', entityId: saved.id, action: 'create', changes: changesBetween(null, saved, AUDITED) }, now);
      return saved;
    });
    return viewOf(row, actor);
  }

  async update(actor: Principal, id: number, body: SavedFilterDto, now = new Date()): Promise<SavedFilterView> {
    const query = await this.checked(actor, body.query);
    const row = await this.dataSource.transaction(async (manager) => {
      const current = await this.own(manager, actor, id);
      await this.refuseDuplicate(manager, actor.userId, body.name, id);
      const before = { ...current };
      Object.assign(current, { name: body.name, query, shared: body.shared ?? current.shared, updatedAt: now });
      await manager.save(current);
      await this.audit.record(manager, actor, { entityType: 'savedFilter', entityId: id, action: 'update', changes: changesBetween(before, current, AUDITED) }, now);
      return current;
    });
    return viewOf(row, actor);
  }

  async remove(actor: Principal, id: number, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.own(manager, actor, id);
      await manager.delete(SavedFilter, { id });
      await this.audit.record(manager, actor, { entityType: 'savedFilter', entityId: id, action: 'delete', changes: changesBetween(current, {}, AUDITED) }, now);
    });
  }

  /**
   * A saved query must be one the list would accept from this user: known fields and operators, values of
   * the right kind, no attribute the user is not shown. Errors name the path inside `query`.
   */
  private async checked(actor: Principal, dto: SavedListQueryDto): Promise<SavedListQuery> {
    const query: SavedListQuery = Object.fromEntries(Object.entries({ ...dto, filters: dto.filters?.map(({ field, op, value }) => ({ field, op, ...(value === undefined ? {} : { value }) })) }).filter(([, value]) => value !== undefined));
    const manager = this.dataSource.manager;
    try {
      const member = (await actorQueues(manager, actor)).member;
      const spec = await listSpecFor(manager, actor, { ...query, filters: query.filters ? JSON.stringify(query.filters) : undefined, page: 1, pageSize: 1 } as never, member);
      // Builds (never runs) the SQL: the same checks the list makes, at save time.
      new RequestListQuery(await storedListAttributes(manager)).apply(this.dataSource.getRepository(CustomerRequest).createQueryBuilder('r'), spec);
    } catch (error) {
      if (!(error instanceof DocketError)) throw error;
      throw new DocketError(error.status, error.code, error.message, error.details.map((detail) => ({ ...detail, path: `query.${detail.path}` })));
    }
    return query;
  }

  private async own(manager: EntityManager, actor: Principal, id: number): Promise<SavedFilter> {
    const row = await manager.findOneBy(SavedFilter, { id });
    // Another user's filter, even a shared one, is not theirs to change: it answers as if absent.
    if (!row || row.userId !== actor.userId) throw notFound('Saved filter', id);
    return row;
  }

  private async refuseDuplicate(manager: EntityManager, userId: number, name: string, exceptId: number | null): Promise<void> {
    const existing = await manager.findOneBy(SavedFilter, { userId, name });
    if (existing && existing.id !== exceptId) throw conflict('duplicate', `You already have a saved filter named "${name}"`, [{ path: 'name', message: 'already used' }]);
  }
}

function viewOf(row: SavedFilter, actor: Principal): SavedFilterView {
  return { id: row.id, name: row.name, query: row.query, shared: row.shared, ownerId: row.userId, mine: row.userId === actor.userId, updatedAt: row.updatedAt };
}
