import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Principal } from '../auth/principal';
import { Page, pageOf } from '../common/paging';
import { insertRows } from '../database/plain-rows';
import { AuditEntry, FieldChange } from './audit-entry.entity';
import type { AuditQuery } from './audit.dto';

export interface AuditRecord {
  entityType: string;
  entityId: string | number;
  action: string;
  changes: FieldChange[];
}

/** Old → new for the named fields that differ; values are compared as JSON so arrays and objects work. */
export function changesBetween<T extends object>(before: Partial<T> | null, after: Partial<T>, fields: (keyof T)[]): FieldChange[] {
  return fields
    .map((field) => ({ field: String(field), old: before?.[field] ?? null, new: after[field] ?? null }))
    .filter((change) => JSON.stringify(change.old) !== JSON.stringify(change.new));
}

function entryOf(actor: Pick<Principal, 'userId' | 'login'> | null, record: AuditRecord, at: Date): Omit<AuditEntry, 'id'> {
  return { at, actorId: actor?.userId ?? null, actorLogin: actor?.login ?? 'system', entityType: record.entityType, entityId: String(record.entityId), action: record.action, changes: record.changes };
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /** Written inside the caller's transaction (pass its manager), so a change and its journal line land together. */
  async record(manager: EntityManager, actor: Pick<Principal, 'userId' | 'login'> | null, record: AuditRecord, at = new Date()): Promise<void> {
    await this.recordMany(manager, actor, [record], at);
  }

  /** Several lines of one actor in multi-row INSERTs, in the given order (their ids ascend with it). */
  async recordMany(manager: EntityManager, actor: Pick<Principal, 'userId' | 'login'> | null, records: AuditRecord[], at = new Date()): Promise<void> {
    await insertRows(manager, AuditEntry, records.map((record) => entryOf(actor, record, at)));
  }

  async list(query: AuditQuery): Promise<Page<AuditEntry>> {
    const builder = this.entries.createQueryBuilder('entry').orderBy('entry.at', 'DESC').addOrderBy('entry.id', 'DESC');
    if (query.entityType) builder.andWhere('entry.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId) builder.andWhere('entry.entityId = :entityId', { entityId: query.entityId });
    if (query.actor) builder.andWhere('entry.actorLogin = :actor', { actor: query.actor });
    if (query.from) builder.andWhere('entry.at >= :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('entry.at < :to', { to: new Date(query.to) });
    return pageOf(builder, query);
  }
}
