/**
 * What crosses HTTP, taken from the server's own DTO and entity types (type-only imports, erased from the
 * bundle) so the console never hand-copies a shape. `Wire<T>` is T after JSON: dates arrive as strings.
 */
import type { AuditEntry } from '../../../server/src/audit/audit-entry.entity';
import type { SignedInView, UserView } from '../../../server/src/auth/dto/user.view';
import type { Role } from '../../../server/src/auth/entities/role.entity';
import type { CreateRoleDto, PermissionView } from '../../../server/src/auth/roles/roles.dto';
import type { CreateTokenDto, IssuedTokenView, TokenView } from '../../../server/src/auth/tokens/tokens.dto';
import type { CreateUserDto, UpdateUserDto } from '../../../server/src/auth/users/users.dto';
import type { CreateWorkgroupDto } from '../../../server/src/auth/workgroups/workgroups.dto';
import type { WorkgroupView } from '../../../server/src/auth/workgroups/workgroups.service';
import type { ErrorDetail } from '../../../server/src/common/docket-error';
import type { Page as ServerPage } from '../../../server/src/common/paging';

export type Wire<T> = T extends Date
  ? string
  : T extends (infer Item)[]
    ? Wire<Item>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export type Page<T> = Wire<ServerPage<T>>;
export type User = Wire<UserView>;
export type Session = Wire<SignedInView>;
export type UserInput = CreateUserDto;
export type UserChanges = UpdateUserDto;
export type RoleRecord = Wire<Role>;
export type RoleInput = CreateRoleDto;
export type PermissionEntry = PermissionView;
export type Workgroup = Wire<WorkgroupView>;
export type WorkgroupInput = CreateWorkgroupDto;
export type ApiToken = Wire<TokenView>;
export type IssuedToken = Wire<IssuedTokenView>;
export type TokenInput = CreateTokenDto;
export type AuditRecord = Wire<AuditEntry>;
export type { ErrorDetail };
