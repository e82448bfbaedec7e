import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { conflict } from '../common/docket-error';
import type { CustomerVoice } from '../requests/closure/customer-side';

/** The customer a portal user speaks for: read on every call, so unbinding a user takes effect at once. */
export interface Customer {
  clientId: number;
  contactPersonId: number | null;
}

/**
 * A user holding `portal.use` but bound to no client is refused with 409: the permission is there (the guard
 * passed), the account is not set up as a customer's yet.
 */
export async function customerOf(manager: EntityManager, actor: Principal): Promise<Customer> {
  const [user] = (await manager.query('SELECT clientId, contactPersonId FROM users WHERE id = ?', [actor.userId])) as { clientId: number | string | null; contactPersonId: number | string | null }[];
  if (user?.clientId === null || user?.clientId === undefined) throw conflict('not_a_customer', 'The portal needs a user bound to a client; ask the administrator to bind yours', [{ path: 'user', message: 'not bound to a client' }]);
  return { clientId: Number(user.clientId), contactPersonId: user.contactPersonId === null ? null : Number(user.contactPersonId) };
}

/**
 * The closure service's customer voice for this customer. It speaks for the whole company: the contact person
 * is left out so that ownership is decided by the client alone, as for every other portal read.
 */
export function voiceOf(actor: Principal, customer: Customer): CustomerVoice {
  return { kind: 'customer', principal: actor, clientId: customer.clientId, contactPersonId: null };
}
