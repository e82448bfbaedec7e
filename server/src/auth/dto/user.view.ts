import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { User } from '../entities/user.entity';
import { permissionsOf } from '../permission-set';

export class RoleRef {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class WorkgroupRef {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

/** What the API says about a user; never the password hash. */
export class UserView {
  @ApiProperty() id!: number;
  @ApiProperty() login!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) email!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty() locale!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ type: [RoleRef] }) roles!: RoleRef[];
  @ApiProperty({ type: [WorkgroupRef] }) workgroups!: WorkgroupRef[];
  @ApiProperty({ type: [String] }) permissions!: string[];
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'set for a customer (portal) user' }) clientId!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: "set for a partner organisation's user" }) partnerId!: number | null;
}

export function toUserView(user: User): UserView {
  const roles = user.roles ?? [];
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    email: user.email,
    active: user.active,
    locale: user.locale,
    timeZone: user.timeZone,
    roles: roles.map(({ id, code, name }) => ({ id, code, name })),
    workgroups: (user.workgroups ?? []).map(({ id, code, name }) => ({ id, code, name })),
    permissions: [...permissionsOf(roles, user.partnerId, user.clientId)].sort(),
    clientId: user.clientId,
    partnerId: user.partnerId,
  };
}

export class SignedInView {
  @ApiProperty() token!: string;
  @ApiProperty() expiresAt!: Date;
  @ApiProperty({ type: UserView }) user!: UserView;
}
