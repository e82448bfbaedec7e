import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { badRequest } from '../../common/docket-error';
import { actorQueues } from '../../queues/queue-access';
import { AuditService } from '../../audit/audit.service';
import { CustomerRequest } from '../entities/customer-request.entity';
import { RequestListQuery } from '../list/request-list.query';
import { accessRequest } from '../processing/request-access';
import { RequestWatcher } from './entities/request-watcher.entity';
import { listSpecFor, storedListAttributes } from './list-spec';
import type { GroupQueryDto } from './views.dto';

/** Request fields counts may be grouped by; besides these, list-column attributes (`attr.<CODE>`). */
const GROUP_FIELDS = ['status', 'assigneeId', 'priority', 'queueId', 'topicId', 'type'];
const NUMERIC_FIELDS = new Set(['assigneeId', 'priority', 'queueId', 'topicId']);
const MAX_GROUPS = 500;

export interface RequestGroups {
  by: string;
  total: number;
  groups: { key: string | number | null; count: number }[];
}

/** Operator views over requests that are not the list itself: counts grouped by a field, watching. */
@Injectable()
export class RequestGroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The list's filters and scope, counted per value of one field (largest group first). */
  async groups(actor: Principal, query: GroupQueryDto): Promise<RequestGroups> {
    const manager = this.dataSource.manager;
    const member = (await actorQueues(manager, actor)).member;
    const spec = await listSpecFor(manager, actor, query, member, [{ path: 'by', field: query.by }]);
    const attributes = await storedListAttributes(manager);
    const list = new RequestListQuery(attributes);
    const column = query.by.startsWith('attr.') || GROUP_FIELDS.includes(query.by) ? list.groupColumn(query.by) : undefined;
    if (!column) throw badRequest('invalid_group', `Counts cannot be grouped by "${query.by}"`, [{ path: 'by', message: `one of ${GROUP_FIELDS.join(', ')}, or attr.<CODE> of a list-column attribute` }]);
    const rows: { key: unknown; count: number | string }[] = await list
      .apply(this.dataSource.getRepository(CustomerRequest).createQueryBuilder('r'), spec, true)
      .select(column, 'key')
      .addSelect('COUNT(*)', 'count')
      .groupBy(column)
      .getRawMany();
    const numeric = NUMERIC_FIELDS.has(query.by) || attributes.get(query.by.slice('attr.'.length))?.kind === 'number';
    const groups = rows
      .map((row) => ({ key: row.key === null ? null : numeric ? Number(row.key) : keyText(row.key), count: Number(row.count) }))
      .sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)));
    return { by: query.by, total: groups.reduce((sum, group) => sum + group.count, 0), groups: groups.slice(0, MAX_GROUPS) };
  }

  async watch(actor: Principal, id: number, watching: boolean, now = new Date()): Promise<{ requestId: number; watching: boolean }> {
    await this.dataSource.transaction(async (manager) => {
      await accessRequest(manager, actor, id);
      const existing = await manager.existsBy(RequestWatcher, { requestId: id, userId: actor.userId });
      if (existing === watching) return;
      if (watching) await manager.createQueryBuilder().insert().into(RequestWatcher).values({ requestId: id, userId: actor.userId, createdAt: now }).orIgnore().execute();
      else await manager.delete(RequestWatcher, { requestId: id, userId: actor.userId });
      await this.audit.record(manager, actor, { entityType: 'request', entityId: id, action: watching ? 'watch' : 'unwatch', changes: [] }, now);
    });
    return { requestId: id, watching };
  }
}

function keyText(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}
