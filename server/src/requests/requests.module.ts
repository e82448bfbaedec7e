import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { RoutesModule } from '../routes/routes.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { SlaModule } from '../sla/sla.module';
import { DiscussionsService } from './discussions.service';
import { IntakeService } from './intake.service';
import { LinksController } from './links/links.controller';
import { LinksService } from './links/links.service';
import { ProcessingService } from './processing.service';
import { WebhookDeliveryService } from './processing/webhook-delivery.service';
import { RequestViewsService } from './request-views.service';
import { ContactsController, RequestsController } from './requests.controller';

/** Contacts and requests: registration, route transitions, hand-offs, assignment, cards, lists, discussions, links and tags. */
@Module({
  imports: [SchedulerModule, RoutesModule, SlaModule, NotificationsModule],
  controllers: [ContactsController, RequestsController, LinksController],
  providers: [IntakeService, ProcessingService, RequestViewsService, DiscussionsService, WebhookDeliveryService, LinksService],
  exports: [ProcessingService, IntakeService, DiscussionsService],
})
export class RequestsModule {}
