import type { EntityManager } from 'typeorm';
import { transactionScoped } from '../database/transaction-scope';
import { hydrator } from '../database/plain-rows';
import { NotificationPreference } from './entities/notification-preference.entity';
import { cachedMany, type NotificationBatch } from './notification-batch';

/** The channels one user keeps for one template code. */
export type ChannelPreference = Pick<NotificationPreference, 'userId' | 'email' | 'inApp'>;

/** The preference columns a statement that reads users can add: `LEFT JOIN` it with the template code as its parameter. */
export const PREFERENCE_JOIN = 'LEFT JOIN notification_preferences p ON p.userId = u.id AND p.event = ?';
export const PREFERENCE_COLUMNS = 'p.userId AS preferenceUserId, p.email AS preferenceEmail, p.inApp AS preferenceInApp';

const preferenceRows = (manager: EntityManager) => hydrator(manager, NotificationPreference, ['userId', 'email', 'inApp']);

/** Preferences for a template code read in this transaction along with their users, by user (null: none kept). */
const readWithUsers = (manager: EntityManager, code: string) => transactionScoped(manager.queryRunner, `preferences:${code}`, () => new Map<number, ChannelPreference | null>());

/** Remembers the preferences of users read with PREFERENCE_JOIN/PREFERENCE_COLUMNS (rows with `id`), so preferencesOf need not ask. */
export function rememberPreferences(manager: EntityManager, code: string, rows: readonly Record<string, unknown>[]): void {
  const known = readWithUsers(manager, code);
  if (!known) return;
  const hydrate = preferenceRows(manager);
  for (const row of rows) {
    known.set(Number(row.id), row.preferenceUserId === null ? null : hydrate({ userId: row.preferenceUserId, email: row.preferenceEmail, inApp: row.preferenceInApp }));
  }
}

/** The users' channel preferences for one template code, by user (none: both channels); remembered in `cache`. */
export async function preferencesOf(manager: EntityManager, code: string, userIds: readonly number[], cache?: NotificationBatch): Promise<Map<number, ChannelPreference>> {
  if (!userIds.length) return new Map();
  const known = readWithUsers(manager, code);
  if (known && userIds.every((id) => known.has(id))) {
    return new Map(userIds.flatMap((id) => (known.get(id) ? [[id, known.get(id)!] as const] : [])));
  }
  return cachedMany(cache, `preference:${code}`, userIds, async (missing) => {
    // Plain SQL: read with every notification, where the query builder cost more than the statement.
    const rows: Record<string, unknown>[] = await manager.query(`SELECT userId, email, inApp FROM notification_preferences WHERE event = ? AND userId IN (${missing.map(() => '?').join(', ')})`, [code, ...missing]);
    const hydrate = preferenceRows(manager);
    return new Map(rows.map((raw) => hydrate(raw)).map((row) => [Number(row.userId), row]));
  });
}
