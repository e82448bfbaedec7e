import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ConfigModule } from './config/config.module';
import type { DocketConfig } from './config/docket-config';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { NotificationsModule } from './notifications/notifications.module';
import { QueuesModule } from './queues/queues.module';
import { SchedulerModule } from './scheduler/scheduler.module';
import { TopicsModule } from './topics/topics.module';

/** Domain modules are listed here; each registers its own controllers, services and entities. */
@Module({})
export class AppModule {
  static forRoot(config: DocketConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(config), AuditModule, AuthModule, TopicsModule, HealthModule, SchedulerModule, NotificationsModule, QueuesModule, DemoModule],
    };
  }
}
