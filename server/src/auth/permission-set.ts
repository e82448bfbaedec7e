import type { Role } from './entities/role.entity';
import { CUSTOMER_PERMISSIONS, isPermission, PARTNER_PERMISSIONS, Permission } from './permissions';

/**
 * The union of what a user's roles grant; unknown codes (from an older release) are ignored. A partner's
 * user keeps only PARTNER_PERMISSIONS, so a role given by mistake never opens requests to an outsider.
 */
export function permissionsOf(roles: Pick<Role, 'permissions'>[], partnerId: number | null = null, clientId: number | null = null): Set<Permission> {
  const granted = roles.flatMap((role) => role.permissions).filter(isPermission);
  // A customer's user (bound to a client) keeps only the portal, so no operator endpoint ever opens to them.
  if (clientId !== null) return new Set(granted.filter((permission) => CUSTOMER_PERMISSIONS.includes(permission)));
  return new Set(partnerId === null ? granted : granted.filter((permission) => PARTNER_PERMISSIONS.includes(permission)));
}
