import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { ReportDefinitionsService } from './definitions/report-definitions.service';
import { ReportDefinitionsController } from './report-definitions.controller';
import { ReportSchedulesController } from './report-schedules.controller';
import { ReportsController } from './reports.controller';
import { ReportReader } from './report-reader';
import { ReportsService } from './reports.service';
import { ReportRunsService } from './run/report-runs.service';
import { ReportSchedulesService } from './schedules/report-schedules.service';

/** Read-only figures for managers, computed by the database (GROUP BY), never by loading rows: the dashboard, reports defined as data, their exports and schedules. */
@Module({
  imports: [AuditModule, SchedulerModule],
  // The schedules controller first: its static path must not be taken for a definition id.
  controllers: [ReportSchedulesController, ReportsController, ReportDefinitionsController],
  providers: [ReportReader, ReportsService, ReportDefinitionsService, ReportRunsService, ReportSchedulesService],
})
export class ReportsModule {}
