import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { DocketError } from '../../common/docket-error';
import type { CustomerRequest } from '../entities/customer-request.entity';
import type { Idempotency } from '../processing/idempotency';
import { requireVersion, StaleVersion, summaryOf, type RequestSummary } from '../processing/versioned-update';

export interface VersionedCall {
  path: string;
  body: { expectedVersion: number };
  idempotencyKey?: string;
}

/**
 * One transaction, idempotent with a key, that changes a request at the version the client read: `load`
 * checks access, a stale version answers 409 with the current state and changes nothing.
 */
export async function versionedCall(
  dataSource: DataSource,
  idempotency: Idempotency,
  actor: Principal,
  call: VersionedCall,
  load: (manager: EntityManager) => Promise<CustomerRequest>,
  work: (manager: EntityManager, request: CustomerRequest) => Promise<void>,
): Promise<RequestSummary> {
  try {
    return await idempotency.run(actor, call.idempotencyKey, { method: 'POST', path: call.path, body: call.body, status: 200 }, async (manager) => {
      const request = await load(manager);
      requireVersion(request, call.body.expectedVersion);
      await work(manager, request);
      return summaryOf(request);
    });
  } catch (error) {
    if (!(error instanceof StaleVersion)) throw error;
    const request = await load(dataSource.manager);
    throw new DocketError(409, 'stale_version', `Request ${request.number} changed since version ${call.body.expectedVersion}; reload it and try again`, [{ path: 'expectedVersion', message: `the current version is ${request.version}` }], { current: summaryOf(request) });
  }
}
