import { Module } from '@nestjs/common';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { SlaClocks } from './sla-clocks';
import { SlaConfigService } from './sla-config.service';
import { SlaController } from './sla.controller';
import { SlaRequestsService } from './sla-requests.service';
import { SlaTimers } from './sla-timers';

/** Regulation: calendars, policies, request clocks and their timers. Exports SlaClocks and SlaTimers (warning and breach listeners) for the requests module. */
@Module({
  imports: [SchedulerModule],
  controllers: [SlaController],
  providers: [SlaClocks, SlaConfigService, SlaRequestsService, SlaTimers],
  exports: [SlaClocks, SlaTimers],
})
export class SlaModule {}
