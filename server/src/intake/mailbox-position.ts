import type { EntityManager } from 'typeorm';

export interface MailboxPosition {
  mailboxId: number;
  uidValidity: string;
  uid: number;
}

/**
 * Moves a mailbox's position past a message: never back within one UIDVALIDITY, to the message's UID when the
 * server's UIDVALIDITY changed (its UIDs started over). `lastUid` is assigned first because MariaDB and MySQL
 * evaluate SET assignments left to right: after `uidValidity` was set, the comparison would always see the new
 * value and keep a stale, higher `lastUid`, skipping the new numbering's messages. SQLite reads old values either way. Plain SQL,
 * since the query builder orders SET by the entity's columns, not as written.
 */
export async function advanceMailbox(manager: EntityManager, { mailboxId, uidValidity, uid }: MailboxPosition): Promise<void> {
  await manager.query(`UPDATE mailboxes SET lastUid = CASE WHEN uidValidity = ? AND lastUid > ? THEN lastUid ELSE ? END, uidValidity = ? WHERE id = ?`, [uidValidity, uid, uid, uidValidity, mailboxId]);
}
