import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { BUILT_IN_ROLES } from './built-in-roles';
import { Role } from './entities/role.entity';
import { User } from './entities/user.entity';
import { hashPassword } from './password-hasher';
import { ALL_PERMISSIONS } from './permissions';

export interface FirstAdmin {
  login: string;
  /** Present only when Docket generated it: it is printed once and never stored in clear. */
  generatedPassword?: string;
}

/** Creates the built-in roles and, on an empty database, the first administrator. */
@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('bootstrap');
  firstAdmin?: FirstAdmin;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const builtIn of BUILT_IN_ROLES) {
        const existing = await manager.findOneBy(Role, { code: builtIn.code });
        if (!existing) await manager.insert(Role, { ...builtIn, permissions: [...builtIn.permissions], builtIn: true });
        else if (builtIn.code === 'administrator') {
          // Upgrades add permissions; the administrator role always holds every one of them.
          await manager.update(Role, { id: existing.id }, { permissions: ALL_PERMISSIONS });
        }
      }
      if ((await manager.count(User)) > 0) return;
      const generated = this.config.adminPassword ? undefined : randomBytes(12).toString('base64url');
      const now = new Date();
      const admin = manager.create(User, {
        login: 'admin',
        name: 'Administrator',
        email: null,
        passwordHash: await hashPassword(this.config.adminPassword ?? generated!),
        active: true,
        locale: 'en',
        timeZone: 'UTC',
        createdAt: now,
        updatedAt: now,
        roles: [await manager.findOneByOrFail(Role, { code: 'administrator' })],
      });
      await manager.save(admin);
      this.firstAdmin = { login: 'admin', generatedPassword: generated };
      this.logger.log(generated ? 'Created the first administrator "admin" with a generated password' : 'Created the first administrator "admin"');
    });
  }
}
