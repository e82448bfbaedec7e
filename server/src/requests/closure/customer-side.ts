import type { EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { notFound } from '../../common/docket-error';
import { CustomerRequest } from '../entities/customer-request.entity';
import { workableRequest } from '../processing/request-access';

/**
 * Who answers a solution for the customer: staff who work the request (taking the customer's call), or the
 * customer through the portal, whose principal says which client and contact person it speaks for.
 */
export type CustomerVoice =
  | { kind: 'staff'; principal: Principal }
  | { kind: 'customer'; principal: Principal; clientId: number | null; contactPersonId: number | null };

/** The request if this voice may answer for it; otherwise 404 (or 403 for staff outside its queue), as for any request. */
export async function requestForVoice(manager: EntityManager, voice: CustomerVoice, id: number): Promise<CustomerRequest> {
  if (voice.kind === 'staff') return workableRequest(manager, voice.principal, id);
  const request = await manager.findOneBy(CustomerRequest, { id });
  const own = request !== null && ((voice.contactPersonId !== null && request.contactPersonId === voice.contactPersonId) || (voice.clientId !== null && request.clientId === voice.clientId));
  if (!request || !own) throw notFound('Request', id);
  return request;
}
