import type { EntityManager } from 'typeorm';

export interface QueueRoles {
  /** Queues whose requests the user sees and works: as a member, through a workgroup, or as administrator. */
  member: number[];
  administrator: number[];
}

/**
 * The one place that answers "which queues is this user in". Every read and write of requests checks
 * against it, so membership through workgroups cannot be forgotten in one channel and not another.
 */
export async function queueRolesOf(manager: EntityManager, userId: number): Promise<QueueRoles> {
  const rows: { queueId: number | string; role: string }[] = await manager.query(
    `SELECT m.queueId AS queueId, 'member' AS role FROM queue_members m WHERE m.userId = ?
     UNION SELECT w.queueId, 'member' FROM queue_workgroups w JOIN workgroup_members g ON g.workgroupId = w.workgroupId WHERE g.userId = ?
     UNION SELECT a.queueId, 'administrator' FROM queue_administrators a WHERE a.userId = ?`,
    [userId, userId, userId],
  );
  const administrator = rows.filter((row) => row.role === 'administrator').map((row) => Number(row.queueId));
  const member = [...new Set([...rows.filter((row) => row.role === 'member').map((row) => Number(row.queueId)), ...administrator])];
  return { member: member.sort((a, b) => a - b), administrator: administrator.sort((a, b) => a - b) };
}

/** The same three ways into a queue, read the other way round: the users who work one queue. */
export async function queueStaffOf(manager: EntityManager, queueId: number): Promise<number[]> {
  const rows: { userId: number | string }[] = await manager.query(
    `SELECT m.userId AS userId FROM queue_members m WHERE m.queueId = ?
     UNION SELECT g.userId FROM queue_workgroups w JOIN workgroup_members g ON g.workgroupId = w.workgroupId WHERE w.queueId = ?
     UNION SELECT a.userId FROM queue_administrators a WHERE a.queueId = ?`,
    [queueId, queueId, queueId],
  );
  return rows.map((row) => Number(row.userId));
}
