import { ReportDefinition } from './definitions/report-definition.entity';
import { ReportSchedule } from './schedules/report-schedule.entity';

export const REPORT_ENTITIES = [ReportDefinition, ReportSchedule];
