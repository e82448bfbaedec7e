import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Min } from 'class-validator';
import { CodeField, NameField, OptionalTextField } from '../common/dto-fields';
import { EXPORT_FORMATS, type ExportFormat } from './definitions/report-vocabulary';

export class CreateReportDto {
  @CodeField('open-by-queue')
  code!: string;

  @NameField('Open requests by queue')
  name!: string;

  @OptionalTextField(1000, { nullable: true })
  description?: string | null;

  @ApiProperty({ description: 'dataset, period, open, where (request list filters), groupBy, measures, repeatDays, limit; see README "Reports"', example: { dataset: 'requests', open: true, groupBy: ['queue'], measures: ['count'] } })
  @IsObject()
  definition!: Record<string, unknown>;
}

export class UpdateReportDto extends PartialType(OmitType(CreateReportDto, ['code'] as const)) {}

export class RunReportDto {
  @ApiProperty({ description: 'a report definition to run without storing it' })
  @IsObject()
  definition!: Record<string, unknown>;
}

export class ExportQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;
}

export class CreateScheduleDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  definitionId!: number;

  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true })
  recipients!: string[];

  @ApiProperty({ example: '0 7 * * 1', description: 'five fields: minute hour day-of-month month day-of-week' })
  @IsString()
  @Length(1, 128)
  cron!: string;

  @ApiPropertyOptional({ example: 'Europe/Moscow', description: 'IANA time zone the cron expression is read in; UTC when absent' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  timeZone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateScheduleDto extends PartialType(OmitType(CreateScheduleDto, ['definitionId'] as const)) {}
