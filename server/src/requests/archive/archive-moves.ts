import type { EntityManager } from 'typeorm';

const VALUE_COLUMNS = 'requestId, attributeId, ord, valueString, valueText, valueNumber, valueInstant';

export interface ArchiveCandidatesQuery {
  cutoff: Date;
  limit: number;
}

/** Closed requests past the cutoff (counted from closing, or from the last restore), oldest id first. */
export async function archiveCandidates(manager: EntityManager, { cutoff, limit }: ArchiveCandidatesQuery): Promise<number[]> {
  const rows: { id: number | string }[] = await manager
    .createQueryBuilder()
    .select('r.id', 'id')
    .from('requests', 'r')
    .where('r.isOpen = :open AND r.closedAt < :cutoff AND r.archivedAt IS NULL', { open: false, cutoff })
    .andWhere('(r.restoredAt IS NULL OR r.restoredAt < :cutoff)', { cutoff })
    .orderBy('r.id', 'ASC')
    .limit(limit)
    .getRawMany();
  return rows.map((row) => Number(row.id));
}

/** Moves the requests' value rows out of the live table and marks them archived, in the caller's transaction. */
export async function moveToArchive(manager: EntityManager, ids: number[], now: Date): Promise<number[]> {
  if (!ids.length) return [];
  // Only requests still live and closed: a request reopened or archived meanwhile is left alone.
  const live: { id: number | string }[] = await manager
    .createQueryBuilder()
    .select('r.id', 'id')
    .from('requests', 'r')
    .where('r.id IN (:...ids) AND r.archivedAt IS NULL AND r.isOpen = :open', { ids, open: false })
    .getRawMany();
  const moving = live.map((row) => Number(row.id));
  if (!moving.length) return [];
  const moved = moving.map(() => '?').join(', ');
  await manager.query(`INSERT INTO request_values_archive (${VALUE_COLUMNS}) SELECT ${VALUE_COLUMNS} FROM request_values WHERE requestId IN (${moved})`, moving);
  await manager.query(`DELETE FROM request_values WHERE requestId IN (${moved})`, moving);
  await manager.createQueryBuilder().update('requests').set({ archivedAt: now }).where('id IN (:...moving)', { moving }).execute();
  return moving;
}

/** Brings one archived request's values back into the live table, in its queue bucket. */
export async function moveFromArchive(manager: EntityManager, request: { id: number; queueId: number | null; isOpen: boolean }): Promise<void> {
  await manager.query(`INSERT INTO request_values (${VALUE_COLUMNS}, queueId, isOpen) SELECT ${VALUE_COLUMNS}, ?, ? FROM request_values_archive WHERE requestId = ?`, [request.queueId, request.isOpen ? 1 : 0, request.id]);
  await manager.query('DELETE FROM request_values_archive WHERE requestId = ?', [request.id]);
}
