import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { badRequest, notFound } from '../../common/docket-error';
import { API_TOKEN_PREFIX } from '../auth.service';
import { ApiToken } from '../entities/api-token.entity';
import { User } from '../entities/user.entity';
import { permissionsOf } from '../permission-set';
import type { Principal } from '../principal';
import { hashSecret, newSecret } from '../secrets';
import { CreateTokenDto, IssuedTokenView, TokenView } from './tokens.dto';

@Injectable()
export class TokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<TokenView[]> {
    const tokens = await this.dataSource.getRepository(ApiToken).find({ order: { id: 'DESC' } });
    return tokens.map(toView);
  }

  async issue(actor: Principal, body: CreateTokenDto, now = new Date()): Promise<IssuedTokenView> {
    return this.dataSource.transaction(async (manager) => {
      const userId = body.userId ?? actor.userId;
      const user = await manager.findOne(User, { where: { id: userId }, relations: { roles: true } });
      if (!user || !user.active) throw badRequest('unknown_user', `No active user ${userId}`, [{ path: 'userId', message: 'unknown or inactive user' }]);
      const held = permissionsOf(user.roles);
      const beyond = body.scopes.filter((scope) => !held.has(scope));
      if (beyond.length) {
        throw badRequest('scope_exceeds_user', `The user does not hold: ${beyond.join(', ')}`, [{ path: 'scopes', message: `not held by ${user.login}: ${beyond.join(', ')}` }]);
      }
      const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
      if (expiresAt && expiresAt <= now) throw badRequest('validation_failed', 'The expiry is in the past', [{ path: 'expiresAt', message: 'must be in the future' }]);
      const secret = newSecret(API_TOKEN_PREFIX);
      const token = manager.create(ApiToken, {
        name: body.name,
        prefix: secret.slice(0, 12),
        tokenHash: hashSecret(secret),
        userId,
        scopes: [...new Set(body.scopes)],
        createdById: actor.userId,
        createdAt: now,
        expiresAt,
        revokedAt: null,
        lastUsedAt: null,
      });
      await manager.save(token);
      await this.audit.record(manager, actor, { entityType: 'api-token', entityId: token.id, action: 'issue', changes: [{ field: 'scopes', old: null, new: token.scopes }] }, now);
      return { ...toView(token), secret };
    });
  }

  async revoke(actor: Principal, id: number, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const token = await manager.findOneBy(ApiToken, { id });
      if (!token) throw notFound('API token', id);
      if (token.revokedAt) return;
      await manager.update(ApiToken, { id }, { revokedAt: now });
      await this.audit.record(manager, actor, { entityType: 'api-token', entityId: id, action: 'revoke', changes: [{ field: 'revokedAt', old: null, new: now }] }, now);
    });
  }
}

function toView(token: ApiToken): TokenView {
  const { tokenHash: _hash, createdById: _creator, ...view } = token;
  return view;
}
