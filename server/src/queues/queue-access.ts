import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';

export interface QueueRoles {
  /** Queues whose requests the user sees and works: as a member, through a workgroup, or as administrator. */
  member: number[];
  administrator: number[];
}

/**
 * The one place that answers "which queues is this user in", as three columns of comma-separated ids for
 * the user `userExpression` names: a statement that reads the user anyway (sign-in) carries them along.
 * Every read and write of requests checks against these, so membership through workgroups cannot be
 * forgotten in one channel and not another.
 */
export function queueRoleColumns(userExpression: string): string {
  return `(SELECT GROUP_CONCAT(m.queueId) FROM queue_members m WHERE m.userId = ${userExpression}) AS memberQueues,
    (SELECT GROUP_CONCAT(w.queueId) FROM queue_workgroups w JOIN workgroup_members g ON g.workgroupId = w.workgroupId WHERE g.userId = ${userExpression}) AS workgroupQueues,
    (SELECT GROUP_CONCAT(a.queueId) FROM queue_administrators a WHERE a.userId = ${userExpression}) AS administeredQueues`;
}

/** The roles in a row that selected `queueRoleColumns`. */
export function queueRolesIn(row: Record<string, unknown>): QueueRoles {
  // String() also for a Buffer: MySQL may type a GROUP_CONCAT of integers as binary.
  const ids = (value: unknown) => (value === null || value === undefined ? [] : String(value).split(',').map(Number));
  const administrator = [...new Set(ids(row.administeredQueues))];
  const member = [...new Set([...ids(row.memberQueues), ...ids(row.workgroupQueues), ...administrator])];
  return { member: member.sort((a, b) => a - b), administrator: administrator.sort((a, b) => a - b) };
}

export async function queueRolesOf(manager: EntityManager, userId: number): Promise<QueueRoles> {
  const [row] = await manager.query(`SELECT ${queueRoleColumns('?')}`, [userId, userId, userId]);
  return queueRolesIn(row ?? {});
}

/** The acting user's queues: as read with the sign-in, else read now. */
export function actorQueues(manager: EntityManager, principal: Principal): Promise<QueueRoles> {
  return principal.queues ? Promise.resolve(principal.queues) : queueRolesOf(manager, principal.userId);
}

/** The users a queue has as members, directly or through its workgroups: SQL yielding `userId`, its two parameters the queue's id. */
export const QUEUE_MEMBERS_SQL = `SELECT m.userId AS userId FROM queue_members m WHERE m.queueId = ?
     UNION SELECT g.userId FROM queue_workgroups w JOIN workgroup_members g ON g.workgroupId = w.workgroupId WHERE w.queueId = ?`;

/** The same three ways into a queue, read the other way round: the users who work one queue. */
export async function queueStaffOf(manager: EntityManager, queueId: number): Promise<number[]> {
  const rows: { userId: number | string }[] = await manager.query(
    `${QUEUE_MEMBERS_SQL}
     UNION SELECT a.userId FROM queue_administrators a WHERE a.queueId = ?`,
    [queueId, queueId, queueId],
  );
  return rows.map((row) => Number(row.userId));
}
