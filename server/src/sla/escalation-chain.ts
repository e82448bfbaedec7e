import type { EntityManager } from 'typeorm';

export interface Recipient {
  userId: number;
  email: string;
  locale: string;
  role: 'assignee' | 'manager';
}

interface GroupRow {
  id: number;
  parentId: number | null;
  managerId: number | null;
}

/**
 * Who hears of a warning or breach: the assignee, then the managers up the workgroup tree (vertical
 * escalation) — of the assignee's workgroups, or of the queue's workgroups when nobody is assigned.
 * Only active users with an e-mail address; each person once.
 */
export async function escalationRecipients(manager: EntityManager, assigneeId: number | null, queueId: number | null): Promise<Recipient[]> {
  const groups: GroupRow[] = (await manager.query('SELECT id, parentId, managerId FROM workgroups WHERE active = 1')).map((row: Record<string, unknown>) => ({
    id: Number(row.id),
    parentId: row.parentId === null ? null : Number(row.parentId),
    managerId: row.managerId === null ? null : Number(row.managerId),
  }));
  const byId = new Map(groups.map((group) => [group.id, group]));
  const startGroups: { workgroupId: number | string }[] = assigneeId !== null
    ? await manager.query('SELECT workgroupId FROM workgroup_members WHERE userId = ? ORDER BY workgroupId', [assigneeId])
    : queueId !== null
      ? await manager.query('SELECT workgroupId FROM queue_workgroups WHERE queueId = ? ORDER BY workgroupId', [queueId])
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
  const users: { id: number | string; email: string | null; locale: string; active: unknown }[] = await manager.query(`SELECT id, email, locale, active FROM users WHERE id IN (${wanted.map(() => '?').join(', ')})`, wanted);
  return wanted.flatMap((userId): Recipient[] => {
    const user = users.find((row) => Number(row.id) === userId);
    if (!user?.email || !Number(user.active)) return [];
    return [{ userId, email: user.email, locale: user.locale, role: userId === assigneeId ? 'assignee' : 'manager' }];
  });
}
