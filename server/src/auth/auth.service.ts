import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { badRequest, DocketError, unauthorized } from '../common/docket-error';
import { ApiToken } from './entities/api-token.entity';
import { Session } from './entities/session.entity';
import { Role } from './entities/role.entity';
import { User } from './entities/user.entity';
import { LoginThrottleService } from './login-throttle.service';
import { DECOY_HASH, hashPassword, verifyPassword } from './password-hasher';
import { CONFIGURATION_REVISION_COLUMN } from '../database/configuration-cache';
import { hydrator } from '../database/plain-rows';
import { queueRoleColumns, queueRolesIn } from '../queues/queue-access';
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
  private hydrators: {
    session: (raw: Record<string, unknown>) => Pick<Session, 'id' | 'expiresAt'>;
    user: (raw: Record<string, unknown>) => Pick<User, 'login' | 'name' | 'active' | 'partnerId' | 'clientId'>;
    role: (raw: Record<string, unknown>) => Pick<Role, 'permissions'>;
  } | null = null;

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
    // The session with its user, its roles' permissions, its queues and the configuration revision in one plain
    // statement: every API call starts here.
    const rows: Record<string, unknown>[] = await this.sessions.manager.query(
      `SELECT s.id AS id, s.expiresAt AS expiresAt, u.id AS userId, u.login AS login, u.name AS name, u.active AS active, u.partnerId AS partnerId, u.clientId AS clientId, r.permissions AS permissions,
         ${queueRoleColumns('u.id')}, ${CONFIGURATION_REVISION_COLUMN}
       FROM sessions s JOIN users u ON u.id = s.userId LEFT JOIN user_roles ur ON ur.userId = u.id LEFT JOIN roles r ON r.id = ur.roleId
       WHERE s.tokenHash = ? AND s.revokedAt IS NULL`,
      [tokenHash],
    );
    const signedIn = this.signedIn(rows);
    if (!signedIn || signedIn.session.expiresAt <= now) throw unauthorized('Your session has expired; sign in again');
    const { session, user, roles } = signedIn;
    if (!user.active) throw unauthorized('The account is deactivated');
    return { userId: user.id, login: user.login, name: user.name, permissions: permissionsOf(roles, user.partnerId, user.clientId), via: 'session', sessionId: session.id, queues: queueRolesIn(rows[0]), configurationRevision: Number(rows[0].configurationRevision ?? 0) };
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

  /** The rows of the sign-in read (one per role) as TypeORM would hydrate them; null without any. */
  private signedIn(rows: Record<string, unknown>[]) {
    if (!rows.length) return null;
    this.hydrators ??= {
      session: hydrator(this.sessions.manager, Session, ['id', 'expiresAt']),
      user: hydrator(this.users.manager, User, ['login', 'name', 'active', 'partnerId', 'clientId']),
      role: hydrator(this.users.manager, Role, ['permissions']),
    };
    const { session, user, role } = this.hydrators;
    return {
      session: session(rows[0]),
      user: { ...user(rows[0]), id: Number(rows[0].userId) },
      roles: rows.filter((row) => row.permissions !== null).map((row) => role(row)),
    };
  }

  private async activeUser(userId: number): Promise<User> {
    // find, not findOne: with a joined relation findOne spends a second statement on paging the one row.
    const [user] = await this.users.find({ where: { id: userId }, relations: { roles: true } });
    if (!user || !user.active) throw unauthorized('The account is deactivated');
    return user;
  }
}
