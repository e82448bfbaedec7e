import type { EntityManager } from 'typeorm';
import { transactionScoped } from '../database/transaction-scope';

/** SQL for a column telling whether the request `requestExpression` names has clocks, for a statement that reads it anyway. */
export const hasClocksColumn = (requestExpression: string) => `EXISTS (SELECT 1 FROM sla_clocks k WHERE k.requestId = ${requestExpression}) AS hasSlaClocks`;

/** Whether requests have clocks, as this transaction read with them or started them (clocks are only ever added). */
const presence = (manager: EntityManager) => transactionScoped(manager.queryRunner, 'slaClockPresence', () => new Map<number, boolean>());

export function knowClocks(manager: EntityManager, requestId: number, present: boolean): void {
  presence(manager)?.set(requestId, present);
}

/** Whether the request has clocks: known in this transaction, else a plain read (every change of every request asks). */
export async function hasClocks(manager: EntityManager, requestId: number): Promise<boolean> {
  const known = presence(manager)?.get(requestId);
  if (known !== undefined) return known;
  return ((await manager.query('SELECT 1 AS found FROM sla_clocks WHERE requestId = ? LIMIT 1', [requestId])) as unknown[]).length > 0;
}
