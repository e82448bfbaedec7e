import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { UsersService } from '../auth/users/users.service';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { DirectoryDemoSeeder } from '../directory/directory-demo.seeder';
import { DEMO_USERS, demoPassword } from './demo-users';
import { ProcessDemoSeeder } from './process-demo.seeder';

export interface DemoLogin {
  login: string;
  password: string;
  roles: readonly string[];
}

/** Loads the demo configuration once (when its users are absent), through the same services as the API. */
@Injectable()
export class DemoSeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
    private readonly directoryDemo: DirectoryDemoSeeder,
    private readonly processDemo: ProcessDemoSeeder,
  ) {}

  async seedIfWanted(): Promise<DemoLogin[]> {
    if (!this.config.loadDemo) return [];
    for (const demo of DEMO_USERS) {
      if (await this.dataSource.getRepository(User).existsBy({ login: demo.login })) continue;
      await this.users.create(null, { login: demo.login, name: demo.name, password: demoPassword(demo.login), roleCodes: [...demo.roleCodes] });
    }
    await this.directoryDemo.seedOnce('operator');
    await this.processDemo.seedOnce({ members: ['operator', 'specialist'], administrator: 'manager' });
    return DEMO_USERS.map((demo) => ({ login: demo.login, password: demoPassword(demo.login), roles: demo.roleCodes }));
  }
}
