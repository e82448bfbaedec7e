import type { EntityManager } from 'typeorm';
import { CustomerRequest } from '../entities/customer-request.entity';
import { ALL_SLOT_COLUMNS } from '../storage/list-slots';

/** The client's version is no longer the stored one: the caller rolls back and answers 409 with the current state. */
export class StaleVersion extends Error {
  constructor(readonly requestId: number) {
    super(`request ${requestId} changed since it was read`);
  }
}

export function requireVersion(request: CustomerRequest, expectedVersion: number): void {
  if (request.version !== expectedVersion) throw new StaleVersion(request.id);
}

/**
 * `UPDATE … SET version = version + 1 WHERE id = ? AND version = ?`: of two writers that read the same version
 * only the first matches a row; the second sees no row affected and its whole transaction is rolled back.
 */
export async function updateVersioned(manager: EntityManager, request: CustomerRequest, expectedVersion: number, fields: Partial<CustomerRequest>, now: Date): Promise<CustomerRequest> {
  const result = await manager
    .createQueryBuilder()
    .update(CustomerRequest)
    .set({ ...fields, updatedAt: now, version: () => 'version + 1' })
    .where('id = :id AND version = :version', { id: request.id, version: expectedVersion })
    .execute();
  if (result.affected !== 1) throw new StaleVersion(request.id);
  return Object.assign(request, fields, { updatedAt: now, version: expectedVersion + 1 });
}

export type RequestSummary = Omit<CustomerRequest, 'routeState' | `list${string}`>;

/** The request as the API shows it: without the list-slot copies of attribute values and the raw route state. */
export function summaryOf(request: CustomerRequest): RequestSummary {
  const copy: Record<string, unknown> = { ...request };
  for (const column of [...ALL_SLOT_COLUMNS, 'routeState']) delete copy[column];
  return copy as RequestSummary;
}
