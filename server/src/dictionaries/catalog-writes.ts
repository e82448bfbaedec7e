import { EntityManager, EntityTarget, FindOptionsWhere, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badRequest, conflict } from '../common/docket-error';
import { escapeLike, LIKE_ESCAPE } from '../common/sql-like';

/** Refuses a code already used in its scope with 409, before the unique index would. */
export async function assertCodeFree<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
  what: string,
  code: string,
): Promise<void> {
  if (await manager.existsBy(entity, where)) throw conflict('duplicate', `The ${what} code "${code}" is taken`, [{ path: 'code', message: 'already taken' }]);
}

/** Sets `position` from the order of `ids`; every id must be one of `scope`'s rows. Returns old → new positions. */
export async function reorderRows<T extends ObjectLiteral & { id: number; position: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  ids: number[],
  scope: FindOptionsWhere<T> = {},
): Promise<{ old: number[]; new: number[] }> {
  if (new Set(ids).size !== ids.length) throw badRequest('duplicate_id', 'An id appears twice', [{ path: 'ids', message: 'ids must be distinct' }]);
  const rows = await manager.find(entity, { where: { ...scope, id: In(ids) } as FindOptionsWhere<T> });
  const missing = ids.filter((id) => !rows.some((row) => row.id === id));
  if (missing.length) throw badRequest('unknown_id', `Unknown id: ${missing.join(', ')}`, [{ path: 'ids', message: `unknown: ${missing.join(', ')}` }]);
  const old = [...rows].sort((a, b) => a.position - b.position).map((row) => row.id);
  for (const [position, id] of ids.entries()) await manager.update(entity, { id } as FindOptionsWhere<T>, { position } as never);
  return { old, new: ids };
}

/** `q` matches part of the code or the name, case-insensitively (ASCII on SQLite; callers keep codes ASCII). */
export function whereCodeOrName<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>, alias: string, q: string | undefined): SelectQueryBuilder<T> {
  if (!q) return builder;
  return builder.andWhere(`(LOWER(${alias}.code) LIKE :q ${LIKE_ESCAPE} OR LOWER(${alias}.name) LIKE :q ${LIKE_ESCAPE})`, { q: `%${escapeLike(q.toLowerCase())}%` });
}
