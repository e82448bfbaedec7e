import { BooleanQuery } from '../../common/dto-fields';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';
import { FLAGS, isRuleSetting } from '../resolution/definitions';

const isStepOverrides = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) &&
  Object.values(value).every((override) =>
    typeof override === 'object' && override !== null && !Array.isArray(override) &&
    Object.entries(override).every(([flag, setting]) => (FLAGS as readonly string[]).includes(flag) && (typeof setting === 'boolean' || isRuleSetting(setting))));

export class ResolveTopicDto {
  @ApiPropertyOptional({ description: 'the evaluation context: { request: { attributes }, client, contact, user, step, now }' })
  @IsOptional()
  @IsObject()
  context?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'the route step: its id and name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  stepId?: string;

  @ApiPropertyOptional({ description: 'per attribute code: { required?, hidden?, readOnly? } as true, false or {"rule": …}' })
  @IsOptional()
  @ValidateBy({ name: 'isStepOverrides', validator: { validate: isStepOverrides, defaultMessage: () => 'stepOverrides maps attribute codes to { required?, hidden?, readOnly? }, each true, false or {"rule": <JSONLogic>}' } })
  stepOverrides?: Record<string, Record<string, unknown>>;

  @ApiPropertyOptional({ description: 'include inactive attributes (as on existing requests)' })
  @IsOptional()
  @IsBoolean()
  includeInactive?: boolean;
}

export class FormQuery {
  @ApiPropertyOptional({ description: 'the route step the form is for' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  step?: string;

  @ApiPropertyOptional({ description: 'include inactive attributes (as on existing requests)' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  includeInactive?: boolean;
}
