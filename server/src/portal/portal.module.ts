import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClosureModule } from '../requests/closure/closure.module';
import { RequestsModule } from '../requests/requests.module';
import { RoutesModule } from '../routes/routes.module';
import { TopicsModule } from '../topics/topics.module';
import { CustomerUsersController, PortalController } from './portal.controller';
import { PortalAccountsService } from './portal-accounts.service';
import { PortalFormsService } from './portal-forms.service';
import { PortalRequestsService } from './portal-requests.service';

/** The customer portal's server side: customer accounts, the topics and forms offered, the customer's requests. */
@Module({
  imports: [AuditModule, RequestsModule, ClosureModule, RoutesModule, TopicsModule],
  controllers: [PortalController, CustomerUsersController],
  providers: [PortalAccountsService, PortalFormsService, PortalRequestsService],
})
export class PortalModule {}
