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
import { ReportsModule } from './reports/reports.module';
import { RequestViewsModule } from './requests/views/views.module';
import { EscalationModule } from './requests/escalation/escalation.module';
import { WorkOrdersModule } from './requests/work-orders/work-orders.module';
import { ArchiveModule } from './requests/archive/archive.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { SearchModule } from './search/search.module';
import { ClosureModule } from './requests/closure/closure.module';
import { ProblemsModule } from './problems/problems.module';
import { BulkModule } from './requests/bulk/bulk.module';
import { PortalModule } from './portal/portal.module';
import { KnowledgeModule } from './knowledge/knowledge.module';
import { ConfigTransferModule } from './config-transfer/config-transfer.module';
import { ClassificationModule } from './classification/classification.module';
import { MailIntakeModule } from './intake/intake.module';

/** Domain modules are listed here; each registers its own controllers, services and entities. */
@Module({})
export class AppModule {
  static forRoot(config: DocketConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(config), AuditModule, AuthModule, DictionariesModule, DirectoryModule, TopicsModule, HealthModule, SchedulerModule, NotificationsModule, SlaModule, QueuesModule, RoutesModule, RequestsModule, DemoModule, ReportsModule, RequestViewsModule, EscalationModule, WorkOrdersModule, ArchiveModule, AttachmentsModule, SearchModule, ClosureModule, ProblemsModule, BulkModule, PortalModule, KnowledgeModule, ConfigTransferModule, ClassificationModule, MailIntakeModule],
    };
  }
}
