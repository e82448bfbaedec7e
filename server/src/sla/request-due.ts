import type { EntityManager } from 'typeorm';
import { conflict } from '../common/docket-error';
import { CustomerRequest } from '../requests/entities/customer-request.entity';
import { StaleVersion } from '../requests/processing/versioned-update';
import type { ClockView } from './clock-replay';
import { RESOLUTION } from './policy-rules';

/** The request's due date: its resolution deadline (none while that clock is paused, stopped or has no target). */
export function dueAtOf(views: readonly ClockView[]): Date | null {
  const deadline = views.find((view) => view.clock === RESOLUTION)?.deadline ?? null;
  return deadline === null ? null : new Date(deadline);
}

/**
 * Writes `requests.dueAt` under the request's version, never behind its back. A change the requests
 * module makes (intake, a transition) has already taken its one version step and holds the row, so the
 * due date joins it at that version (`bump: false`); a change of the clocks alone (a deadline set by
 * hand) is a change of the request and takes its own step (`bump: true`). Either way a writer holding
 * an older version matches no row.
 */
export async function keepDueAt(manager: EntityManager, request: CustomerRequest, views: readonly ClockView[], now: Date, bump: boolean): Promise<void> {
  const dueAt = dueAtOf(views);
  if ((request.dueAt?.getTime() ?? null) === (dueAt?.getTime() ?? null)) return;
  const changes = bump ? { dueAt, updatedAt: now, version: () => 'version + 1' } : { dueAt };
  const result = await manager.createQueryBuilder().update(CustomerRequest).set(changes).where('id = :id AND version = :version', { id: request.id, version: request.version }).execute();
  if (result.affected !== 1) {
    if (!bump) throw new StaleVersion(request.id);
    throw conflict('stale_version', `Request ${request.number} changed meanwhile; try again`, [{ path: 'requestId', message: 'changed by another user' }]);
  }
  Object.assign(request, bump ? { dueAt, updatedAt: now, version: request.version + 1 } : { dueAt });
}
