import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { badRequest, DocketError, unauthorized } from '../common/docket-error';
import { ApiToken } from './entities/api-token.entity';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { LoginThrottleService } from './login-throttle.service';
import { DECOY_HASH, hashPassword, verifyPassword } from './password-hasher';
import { hydrator } from '../database/plain-rows';
import { permissionsOf } from './permission-set';
import type { Principal } from './principal';
import { hashSecret, newSecret } from './secrets';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: User;
}

export const SESSION_PREFIX = 'dks';
export const API_TOKEN_PREFIX = 'dkt';

@Injectable()
export class AuthService {
  private hydrateSession: ((raw: Record<string, unknown>) => Pick<Session, 'id' | 'expiresAt'>) | null = null;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>,
    private readonly throttle: LoginThrottleService,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
  ) {}

  async login(login: string, password: string, ip: string, now = new Date()): Promise<SignedIn> {
    await this.throttle.assertAllowed(login, ip, now);
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.login = :login', { login })
      .getOne();
    const matches = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    const succeeded = Boolean(user && user.active && matches);
    await this.throttle.record(login, ip, succeeded, now);
    if (!user || !succeeded) throw new DocketError(401, 'invalid_credentials', 'Wrong login or password');
    const token = newSecret(SESSION_PREFIX);
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlMinutes * 60_000);
    await this.sessions.insert({ tokenHash: hashSecret(token), userId: user.id, createdAt: now, expiresAt, revokedAt: null, ip });
    return { token, expiresAt, user };
  }

  async logout(principal: Principal, now = new Date()): Promise<void> {
    if (principal.sessionId) await this.sessions.update({ id: principal.sessionId }, { revokedAt: now });
  }

  /** Resolves a bearer secret (a session or an API token) to who is acting, or refuses with 401. */
  async authenticate(secret: string, now = new Date()): Promise<Principal> {
    const tokenHash = hashSecret(secret);
    if (secret.startsWith(`${API_TOKEN_PREFIX}_`)) return this.authenticateToken(tokenHash, now);
    // The session with its user and roles in one statement: every API call starts here.
    const { entities, raw } = await this.users
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.roles', 'role')
      .innerJoin(Session, 'session', 'session.userId = user.id')
      .addSelect(['session.id', 'session.expiresAt'])
      .where('session.tokenHash = :tokenHash AND session.revokedAt IS NULL', { tokenHash })
      .getRawAndEntities();
    const session = raw.length ? this.sessionOf({ id: raw[0].session_id, expiresAt: raw[0].session_expiresAt }) : null;
    if (!session || session.expiresAt <= now) throw unauthorized('Your session has expired; sign in again');
    const [user] = entities;
    if (!user?.active) throw unauthorized('The account is deactivated');
    return { userId: user.id, login: user.login, name: user.name, permissions: permissionsOf(user.roles, user.partnerId, user.clientId), via: 'session', sessionId: session.id };
  }

  async changePassword(userId: number, currentPassword: string, newPassword: string, now = new Date()): Promise<void> {
    const user = await this.users.createQueryBuilder('user').addSelect('user.passwordHash').where('user.id = :userId', { userId }).getOneOrFail();
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw badRequest('invalid_credentials', 'The current password is wrong', [{ path: 'currentPassword', message: 'wrong password' }]);
    }
    await this.users.update({ id: userId }, { passwordHash: await hashPassword(newPassword), updatedAt: now });
    await this.revokeSessions(userId, now);
  }

  async revokeSessions(userId: number, now = new Date()): Promise<void> {
    await this.sessions.update({ userId, revokedAt: IsNull() }, { revokedAt: now });
  }

  private async authenticateToken(tokenHash: string, now: Date): Promise<Principal> {
    const token = await this.tokens.findOne({ where: { tokenHash, revokedAt: IsNull() } });
    if (!token || (token.expiresAt && token.expiresAt <= now)) throw unauthorized('The API token is unknown, expired or revoked');
    const user = await this.activeUser(token.userId);
    const granted = permissionsOf(user.roles, user.partnerId, user.clientId);
    const permissions = new Set(token.scopes.filter((scope) => granted.has(scope)));
    // Last use is informative only; a minute's precision keeps busy integrations from writing on every call.
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
      await this.tokens.update({ id: token.id }, { lastUsedAt: now });
    }
    return { userId: user.id, login: user.login, name: user.name, permissions, via: 'token', tokenId: token.id };
  }

  private sessionOf(raw: Record<string, unknown>): Pick<Session, 'id' | 'expiresAt'> {
    this.hydrateSession ??= hydrator(this.sessions.manager, Session, ['id', 'expiresAt']);
    return this.hydrateSession(raw);
  }

  private async activeUser(userId: number): Promise<User> {
    // find, not findOne: with a joined relation findOne spends a second statement on paging the one row.
    const [user] = await this.users.find({ where: { id: userId }, relations: { roles: true } });
    if (!user || !user.active) throw unauthorized('The account is deactivated');
    return user;
  }
}
