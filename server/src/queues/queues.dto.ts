import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { CODE_MESSAGE, CODE_PATTERN } from '../auth/roles/roles.dto';
import { PageQuery } from '../common/paging';

export class CreateQueueDto {
  @ApiProperty({ example: 'CP' })
  @IsString()
  @Length(1, 64)
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: 'Contract processing' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'route step ids whose requests may wait here; empty for any' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Length(1, 128, { each: true })
  allowedSteps?: string[];
}

export class UpdateQueueDto extends PartialType(OmitType(CreateQueueDto, ['code'] as const)) {}

export class QueuePeopleDto {
  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMaxSize(5000)
  @IsInt({ each: true })
  memberIds!: number[];

  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  workgroupIds!: number[];

  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  administratorIds!: number[];
}

export class QueueListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'code or name contains' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'only queues the caller belongs to or administers' })
  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'])
  mine?: 'true' | 'false';
}
