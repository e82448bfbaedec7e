import type { EntityManager } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { permissionsOf } from '../auth/permission-set';
import type { Principal } from '../auth/principal';

/** The user a mailbox registers its mail as, acting as an API token does for its user; null when gone or deactivated. */
export async function mailboxActor(manager: EntityManager, userId: number): Promise<Principal | null> {
  const [user] = await manager.find(User, { where: { id: userId }, relations: { roles: true } });
  if (!user || !user.active) return null;
  return { userId: user.id, login: user.login, name: user.name, permissions: permissionsOf(user.roles, user.partnerId, user.clientId), via: 'mail' };
}
