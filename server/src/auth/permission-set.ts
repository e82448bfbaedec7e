import type { Role } from './entities/role.entity';
import { isPermission, Permission } from './permissions';

/** The union of what a user's roles grant; unknown codes (from an older release) are ignored. */
export function permissionsOf(roles: Pick<Role, 'permissions'>[]): Set<Permission> {
  return new Set(roles.flatMap((role) => role.permissions).filter(isPermission));
}
