import { Module } from '@nestjs/common';
import { RoutesModule } from '../routes/routes.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { DiscussionsService } from './discussions.service';
import { IntakeService } from './intake.service';
import { ProcessingService } from './processing.service';
import { RequestViewsService } from './request-views.service';
import { ContactsController, RequestsController } from './requests.controller';

/** Contacts and requests: registration, route transitions, hand-offs, assignment, cards, lists, discussions. */
@Module({
  imports: [SchedulerModule, RoutesModule],
  controllers: [ContactsController, RequestsController],
  providers: [IntakeService, ProcessingService, RequestViewsService, DiscussionsService],
})
export class RequestsModule {}
