import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { QueueRoles } from '../queues/queue-access';
import type { Permission } from './permissions';

/** Who is acting: a signed-in user, an external system through an API token, or a mailbox's intake, each acting as a user. */
export interface Principal {
  userId: number;
  login: string;
  /** The user's display name, as mail about what they did names them. */
  name: string;
  permissions: ReadonlySet<Permission>;
  /** 'schedule': a scheduled report running with its owner's roles; 'mail': e-mail intake acting as its mailbox's user. No one signed in for either. */
  via: 'session' | 'token' | 'schedule' | 'mail';
  sessionId?: number;
  /** The user's queues as read with the session, so a call's access checks need not ask again. */
  queues?: QueueRoles;
  /** The configuration revision as read with the session: the call's transaction need not read it again. */
  configurationRevision?: number;
  tokenId?: number;
}

export const PUBLIC_KEY = 'docket:public';
export const PERMISSION_KEY = 'docket:permission';

/** The endpoint needs no sign-in (health, login, the OpenAPI document). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-docket-public', true));

/** The endpoint needs this permission; the guard answers 403 without it. */
export const RequirePermission = (permission: Permission) =>
  // Also written into the OpenAPI document, so clients (and the authorisation matrix test) can read it.
  applyDecorators(SetMetadata(PERMISSION_KEY, permission), ApiExtension('x-docket-permission', permission));

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
