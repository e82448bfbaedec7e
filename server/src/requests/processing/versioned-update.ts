import type { EntityManager } from 'typeorm';
import { CustomerRequest } from '../entities/customer-request.entity';
import { ALL_SLOT_COLUMNS } from '../storage/list-slots';
import { SqlExpression, updateByIds } from '../../database/plain-rows';

/** The client's version is no longer the stored one: the caller rolls back and answers 409 with the current state. */
export class StaleVersion extends Error {
  constructor(readonly requestId: number) {
    super(`request ${requestId} changed since it was read`);
  }
}

export function requireVersion(request: CustomerRequest, expectedVersion: number): void {
  if (request.version !== expectedVersion) throw new StaleVersion(request.id);
}

const NEXT_VERSION = new SqlExpression('version + 1');

/** Requests whose version this transaction already bumped (claimVersion), with the version it bumped from. */
const claimed = new WeakMap<CustomerRequest, number>();

/**
 * Bumps the version first, before the work of the call, with the same conditional UPDATE: the row stays locked
 * until commit, so of two writers that read the same version the second waits here for the first to finish
 * and then fails at once, instead of doing all the work to fail at the end. A rollback undoes the bump.
 */
export async function claimVersion(manager: EntityManager, request: CustomerRequest, expectedVersion: number): Promise<void> {
  await claimVersionOf(manager, request.id, expectedVersion);
  claimed.set(request, expectedVersion);
}

/**
 * claimVersion before the request is even read: a writer that lost the race fails on its first statement. The caller
 * then reads the request (in this transaction, so at the bumped version) and passes it to `claimedAt`.
 */
export async function claimVersionOf(manager: EntityManager, requestId: number, expectedVersion: number): Promise<void> {
  if ((await updateByIds(manager, CustomerRequest, [requestId], { version: NEXT_VERSION }, { version: expectedVersion })) !== 1) throw new StaleVersion(requestId);
}

/** The request read after claimVersionOf: known to be bumped from `expectedVersion`, as claimVersion records it. */
export function claimedAt(request: CustomerRequest, expectedVersion: number): CustomerRequest {
  claimed.set(request, expectedVersion);
  return request;
}

/**
 * `UPDATE … SET version = version + 1 WHERE id = ? AND version = ?`: of two writers that read the same version
 * only the first matches a row; the second sees no row affected and its whole transaction is rolled back.
 * After claimVersion the version is already bumped: the UPDATE then matches the bumped one and leaves it.
 */
export async function updateVersioned(manager: EntityManager, request: CustomerRequest, expectedVersion: number, fields: Partial<CustomerRequest>, now: Date): Promise<CustomerRequest> {
  const bumped = claimed.get(request) === expectedVersion;
  claimed.delete(request);
  const changes = bumped ? { ...fields, updatedAt: now } : { ...fields, updatedAt: now, version: NEXT_VERSION };
  if ((await updateByIds(manager, CustomerRequest, [request.id], changes, { version: bumped ? expectedVersion + 1 : expectedVersion })) !== 1) throw new StaleVersion(request.id);
  return Object.assign(request, fields, { updatedAt: now, version: expectedVersion + 1 });
}

export type RequestSummary = Omit<CustomerRequest, 'routeState' | `list${string}`>;

/** The request as the API shows it: without the list-slot copies of attribute values and the raw route state. */
export function summaryOf(request: CustomerRequest): RequestSummary {
  const copy: Record<string, unknown> = { ...request };
  for (const column of [...ALL_SLOT_COLUMNS, 'routeState']) delete copy[column];
  return copy as RequestSummary;
}
