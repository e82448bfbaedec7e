import type { Role } from './entities/role.entity';
import { permissionsOf } from './permission-set';

// Stored roles may hold codes a newer or older release does not know.
const roles = [{ permissions: ['requests.read', 'work-orders.read', 'portal.use', 'no.such.permission'] }] as Pick<Role, 'permissions'>[];

describe('permissionsOf', () => {
  it('unites what the roles grant, ignoring unknown codes', () => {
    expect([...permissionsOf(roles)].sort()).toEqual(['portal.use', 'requests.read', 'work-orders.read']);
  });

  it("keeps a partner's user to the partner permissions", () => {
    expect([...permissionsOf(roles, 7)]).toEqual(['work-orders.read']);
  });

  it("keeps a customer's user to the portal, whatever else their roles grant", () => {
    expect([...permissionsOf(roles, null, 3)]).toEqual(['portal.use']);
    expect([...permissionsOf([{ permissions: ['requests.read'] }] as Pick<Role, 'permissions'>[], null, 3)]).toEqual([]);
  });
});
