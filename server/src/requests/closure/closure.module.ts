import { Module } from '@nestjs/common';
import { NotificationsModule } from '../../notifications/notifications.module';
import { RoutesModule } from '../../routes/routes.module';
import { SchedulerModule } from '../../scheduler/scheduler.module';
import { SlaModule } from '../../sla/sla.module';
import { ClosureController } from './closure.controller';
import { ClosureService } from './closure.service';

/** Two-phase closure of requests and the auto-close timer; problems and bulk work close through its service. */
@Module({
  imports: [SchedulerModule, RoutesModule, SlaModule, NotificationsModule],
  controllers: [ClosureController],
  providers: [ClosureService],
  exports: [ClosureService],
})
export class ClosureModule {}
