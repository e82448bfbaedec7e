import type { Wire } from '../../api/types';
import type { ReportDefinition } from '../../../../server/src/reports/definitions/report-definition.entity';
import type { ReportResult } from '../../../../server/src/reports/run/report-runner';
import type { ReportSchedule } from '../../../../server/src/reports/schedules/report-schedule.entity';
import type { CreateReportDto, CreateScheduleDto } from '../../../../server/src/reports/reports.dto';

export type ReportRecord = Wire<ReportDefinition>;
export type ReportRun = ReportResult & { report: { id: number; code: string; name: string } };
export type ScheduleRecord = Wire<ReportSchedule>;
export type ReportInput = CreateReportDto;
export type ScheduleInput = CreateScheduleDto;
