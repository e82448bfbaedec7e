import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ConfigModule } from './config/config.module';
import type { DocketConfig } from './config/docket-config';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { DictionariesModule } from './dictionaries/dictionaries.module';
import { DirectoryModule } from './directory/directory.module';
import { HealthModule } from './health/health.module';
import { NotificationsModule } from './notifications/notifications.module';
import { QueuesModule } from './queues/queues.module';
import { RequestsModule } from './requests/requests.module';
import { RoutesModule } from './routes/routes.module';
import { SchedulerModule } from './scheduler/scheduler.module';
import { TopicsModule } from './topics/topics.module';
import { SlaModule } from './sla/sla.module';

/** Domain modules are listed here; each registers its own controllers, services and entities. */
@Module({})
export class AppModule {
  static forRoot(config: DocketConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(config), AuditModule, AuthModule, DictionariesModule, DirectoryModule, TopicsModule, HealthModule, SchedulerModule, NotificationsModule, SlaModule, QueuesModule, RoutesModule, RequestsModule, DemoModule],
    };
  }
}
