import { EventSubscriber, type EntitySubscriberInterface, type QueryRunner } from 'typeorm';

const scopes = new WeakMap<QueryRunner, Map<string, unknown>>();

/** Forgets what the runner's last transaction remembered when its next one starts (a savepoint continues it). */
@EventSubscriber()
export class TransactionScopeSubscriber implements EntitySubscriberInterface {
  afterTransactionStart(event: { queryRunner: QueryRunner }): void {
    // A savepoint continues its transaction: what that remembered still holds.
    if ((event.queryRunner as unknown as { transactionDepth: number }).transactionDepth > 1) return;
    scopes.delete(event.queryRunner);
  }
}

/**
 * Memory that lives as long as the transaction running on `runner` (a manager's queryRunner) — what it read or
 * wrote that later steps of the same operation would otherwise read again. Undefined outside a transaction, where
 * nothing can be trusted to stay as read.
 */
export function transactionScoped<T>(runner: QueryRunner | undefined, key: string, create: () => T): T | undefined {
  if (!runner?.isTransactionActive) return undefined;
  let scope = scopes.get(runner);
  if (!scope) scopes.set(runner, (scope = new Map()));
  if (!scope.has(key)) scope.set(key, create());
  return scope.get(key) as T;
}
