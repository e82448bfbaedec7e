import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MAX_BPMN_BYTES, RESOLUTION_KINDS, type ResolutionKind } from '../../../../workflows/index';

export class SaveDraftDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'the route as JSON (RouteDefinition); give this or bpmn' })
  @IsOptional()
  @IsObject()
  definition?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'the route as a BPMN 2.0 XML document with the Docket extension; give this or definition' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_BPMN_BYTES)
  bpmn?: string;
}

export class SimulationChoiceDto {
  @ApiProperty()
  @IsString()
  @Length(1, 128)
  transitionId!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'what the user types in the prompt' })
  @IsOptional()
  @IsObject()
  changes?: Record<string, unknown>;
}

export class SimulateDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the request context rules read: request, client, contact, user...' })
  @IsObject()
  context!: Record<string, unknown>;

  @ApiPropertyOptional({ description: "topic whose attribute flags apply (default: the route's first bound topic)" })
  @IsOptional()
  @IsInt()
  @Min(1)
  topicId?: number;

  @ApiPropertyOptional({ description: 'when the simulated request starts (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  now?: string;

  @ApiPropertyOptional({ type: [SimulationChoiceDto], description: 'transitions to take at user tasks, in order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SimulationChoiceDto)
  choices?: SimulationChoiceDto[];

  @ApiPropertyOptional({ enum: RESOLUTION_KINDS, description: 'how every child request closes (default resolved)' })
  @IsOptional()
  @IsIn(RESOLUTION_KINDS)
  childResolution?: ResolutionKind;
}

export class DiffQuery {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  from!: number;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  to!: number;
}

export class MigrationDto {
  @ApiProperty({ description: 'version the requests are on' })
  @IsInt()
  @Min(1)
  from!: number;

  @ApiProperty({ description: 'published version to move them to' })
  @IsInt()
  @Min(1)
  to!: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'old step id → new step id; steps left out keep their id' })
  @IsObject()
  stepMap!: Record<string, string>;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200, description: 'requests moved per transaction' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  batchSize?: number;
}
