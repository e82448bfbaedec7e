import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import type { Rule, WorkCalendar } from '../../../rules/index';
import { PageQuery } from '../common/paging';
import type { ClockAction, PolicyClock, PriorityTarget } from './entities/sla-policy.entity';
import { ActiveField, CodeField, NameField } from '../common/dto-fields';

export class CreateCalendarDto {
  @CodeField('office-msk')
  code!: string;

  @NameField('Office hours, Moscow')
  name!: string;

  @ApiProperty({
    description: 'timeZone, workingDays (ISO 1–7), hours {start,end}, weekHours {"5":[{start,end}]}, holidays, extraWorkingDays (moved working days), exceptions [{date, hours}]',
    example: { timeZone: 'Europe/Moscow', hours: { start: '09:00', end: '18:00' }, holidays: ['2026-01-01'] },
  })
  @IsObject()
  definition!: WorkCalendar;
}

export class UpdateCalendarDto extends PartialType(OmitType(CreateCalendarDto, ['code'] as const)) {}

export class ClockRuleDto {
  @ApiProperty({ enum: ['pause', 'stop', 'reset'] })
  @IsIn(['pause', 'stop', 'reset'])
  action!: ClockAction;

  @ApiProperty({ enum: ['reaction', 'resolution'], isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(['reaction', 'resolution'], { each: true })
  clocks!: PolicyClock[];

  @ApiProperty({ description: 'JSONLogic over request.status, request.previousStatus, request.priority', example: { '==': [{ var: 'request.status' }, 'waiting_customer'] } })
  @Allow()
  when!: Rule;
}

export class CreatePolicyDto {
  @CodeField('vip-24x7')
  code!: string;

  @NameField()
  name!: string;

  @ActiveField()
  active?: boolean;

  @ApiPropertyOptional({ description: 'lower ranks are tried first', default: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  rank?: number;

  @ApiPropertyOptional({ description: 'JSONLogic over client.*, contract.*, service.*, request.priority/type/topicId; null for every request', example: { '==': [{ var: 'client.category' }, 'VIP'] } })
  @Allow()
  condition?: Rule | null;

  @ApiProperty()
  @IsInt()
  @Min(1)
  calendarId!: number;

  @ApiProperty({ description: 'working minutes by priority', example: { '1': { reactionMinutes: 15, resolutionMinutes: 240 } } })
  @IsObject()
  targets!: Record<string, PriorityTarget>;

  @ApiPropertyOptional({ description: 'working minutes per route step id', example: { triage: 60 } })
  @IsOptional()
  @IsObject()
  stepLimits?: Record<string, number>;

  @ApiPropertyOptional({ type: [ClockRuleDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ClockRuleDto)
  clockRules?: ClockRuleDto[];

  @ApiPropertyOptional({ minimum: 1, maximum: 99, default: 80 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  warningPercent?: number;
}

export class UpdatePolicyDto extends PartialType(OmitType(CreatePolicyDto, ['code'] as const)) {}

export class WhatIfDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  priority?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  calendarId?: number;

  @ApiPropertyOptional({ description: 'when the change would happen; now when absent' })
  @IsOptional()
  @IsDateString({ strict: true })
  at?: string;
}

export class DeadlineChangeDto {
  @ApiPropertyOptional({ default: 'resolution' })
  @IsOptional()
  @IsString()
  @Length(1, 160)
  clock?: string;

  @ApiProperty({ example: '2026-04-01T15:00:00Z' })
  @IsDateString({ strict: true })
  deadline!: string;

  @ApiProperty()
  @IsString()
  @Length(3, 500)
  reason!: string;
}

export class BreachListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['breach', 'warning'], default: 'breach' })
  @IsOptional()
  @IsIn(['breach', 'warning'])
  kind: 'breach' | 'warning' = 'breach';

  @ApiPropertyOptional({ enum: ['current', 'past', 'all'], default: 'all' })
  @IsOptional()
  @IsIn(['current', 'past', 'all'])
  state: 'current' | 'past' | 'all' = 'all';

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  queueId?: number;

  @ApiPropertyOptional({ description: 'breaches of requests assigned to members of this workgroup' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  workgroupId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  assigneeId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  topicId?: number;
}
