import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../common/docket-error';
import { AuthService } from './auth.service';
import { PERMISSION_KEY, Principal, PUBLIC_KEY } from './principal';
import { Permission, PERMISSIONS } from './permissions';

/** Every endpoint requires a signed-in principal unless marked @Public; @RequirePermission adds a 403 check. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const secret = bearer(request.headers.authorization);
    if (!secret) throw unauthorized();
    request.principal = await this.auth.authenticate(secret);
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (permission && !request.principal.permissions.has(permission)) {
      throw forbidden(`This needs the permission "${permission}" (${PERMISSIONS[permission]})`, 'permission_denied');
    }
    return true;
  }
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
