import type { EntityManager } from 'typeorm';
import { AuditService, changesBetween } from '../audit/audit.service';
import type { Principal } from '../auth/principal';

/**
 * Gives each row its index in `ordered` as sortOrder, saving and journalling only the rows that move, so
 * a reorder that changes nothing leaves no audit entries.
 */
export async function applySortOrder<T extends { id: number; sortOrder: number }>(
  manager: EntityManager,
  audit: AuditService,
  actor: Principal,
  entityType: string,
  ordered: T[],
  now: Date,
): Promise<void> {
  for (const [index, row] of ordered.entries()) {
    if (row.sortOrder === index) continue;
    const before = { ...row };
    row.sortOrder = index;
    await manager.save(row);
    await audit.record(manager, actor, { entityType, entityId: row.id, action: 'reorder', changes: changesBetween(before, row, ['sortOrder']) }, now);
  }
}
