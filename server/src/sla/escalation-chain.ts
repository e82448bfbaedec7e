import type { EntityManager } from 'typeorm';
import { cached, cachedMany, type NotificationBatch } from '../notifications/notification-batch';

export interface Recipient {
  userId: number;
  email: string;
  locale: string;
  role: 'assignee' | 'manager';
}

interface UserRow {
  id: number | string;
  email: string | null;
  locale: string;
  active: unknown;
}

interface GroupRow {
  id: number;
  parentId: number | null;
  managerId: number | null;
}

/**
 * Who hears of a warning or breach: the assignee, then the managers up the workgroup tree (vertical
 * escalation) — of the assignee's workgroups, or of the queue's workgroups when nobody is assigned.
 * Only active users with an e-mail address; each person once. A batch of timers passes one `cache`, so
 * the workgroup tree, memberships and users are read once for all of them.
 */
export async function escalationRecipients(manager: EntityManager, assigneeId: number | null, queueId: number | null, cache?: NotificationBatch): Promise<Recipient[]> {
  const byId = await workgroupTree(manager, cache);
  const startGroups: { workgroupId: number | string }[] = assigneeId !== null
    ? ((await memberGroups(manager, [assigneeId], cache)).get(assigneeId) ?? []).map((workgroupId) => ({ workgroupId }))
    : queueId !== null
      ? await cached(cache, `queue-groups:${queueId}`, () => manager.query('SELECT workgroupId FROM queue_workgroups WHERE queueId = ? ORDER BY workgroupId', [queueId]))
      : [];
  const managerIds: number[] = [];
  for (const start of startGroups) {
    const seen = new Set<number>();
    for (let group = byId.get(Number(start.workgroupId)); group && !seen.has(group.id); group = group.parentId === null ? undefined : byId.get(group.parentId)) {
      seen.add(group.id);
      if (group.managerId !== null && group.managerId !== assigneeId && !managerIds.includes(group.managerId)) managerIds.push(group.managerId);
    }
  }
  const wanted = [...(assigneeId === null ? [] : [assigneeId]), ...managerIds];
  if (!wanted.length) return [];
  const users = await escalationUsers(manager, wanted, cache);
  return wanted.flatMap((userId): Recipient[] => {
    const user = users.get(userId);
    if (!user?.email || !Number(user.active)) return [];
    return [{ userId, email: user.email, locale: user.locale, role: userId === assigneeId ? 'assignee' : 'manager' }];
  });
}

async function workgroupTree(manager: EntityManager, cache?: NotificationBatch): Promise<Map<number, GroupRow>> {
  return cached(cache, 'workgroup-tree', async () => {
    const groups: GroupRow[] = (await manager.query('SELECT id, parentId, managerId FROM workgroups WHERE active = 1')).map((row: Record<string, unknown>) => ({
      id: Number(row.id),
      parentId: row.parentId === null ? null : Number(row.parentId),
      managerId: row.managerId === null ? null : Number(row.managerId),
    }));
    return new Map(groups.map((group) => [group.id, group]));
  });
}

const placeholders = (ids: readonly number[]) => ids.map(() => '?').join(', ');

/** The workgroups of each user, ascending. */
async function memberGroups(manager: EntityManager, userIds: readonly number[], cache?: NotificationBatch): Promise<Map<number, number[]>> {
  return cachedMany(cache, 'member-groups', userIds, async (missing) => {
    const rows: { userId: number | string; workgroupId: number | string }[] = await manager.query(`SELECT userId, workgroupId FROM workgroup_members WHERE userId IN (${placeholders(missing)}) ORDER BY workgroupId`, missing);
    const groups = new Map(missing.map((userId) => [userId, [] as number[]]));
    for (const row of rows) groups.get(Number(row.userId))?.push(Number(row.workgroupId));
    return groups;
  });
}

async function escalationUsers(manager: EntityManager, userIds: readonly number[], cache?: NotificationBatch): Promise<Map<number, UserRow>> {
  return cachedMany(cache, 'escalation-user', userIds, async (missing) => {
    const rows: UserRow[] = await manager.query(`SELECT id, email, locale, active FROM users WHERE id IN (${placeholders(missing)})`, missing);
    return new Map(rows.map((row) => [Number(row.id), row]));
  });
}

/**
 * Reads what the escalation chains of many assignees need in three queries, into `cache`; answers the users
 * any of the chains can name (the assignees and every workgroup manager), so the caller can read them at once too.
 */
export async function preloadEscalation(manager: EntityManager, assigneeIds: readonly number[], cache: NotificationBatch): Promise<number[]> {
  const tree = await workgroupTree(manager, cache);
  await memberGroups(manager, assigneeIds, cache);
  const everyone = [...new Set([...assigneeIds, ...[...tree.values()].flatMap((group) => (group.managerId === null ? [] : [group.managerId]))])];
  // A very large tree is read chain by chain instead, as its managers are met.
  const wanted = everyone.length <= 1000 ? everyone : [...new Set(assigneeIds)];
  await escalationUsers(manager, wanted, cache);
  return wanted;
}
