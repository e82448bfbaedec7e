import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PageQuery } from '../common/paging';
import { ActiveField, BooleanQuery, CodeField, IdListField, NameField, OptionalTextField } from '../common/dto-fields';

export class CreateQueueDto {
  @CodeField('CP')
  code!: string;

  @NameField('Contract processing')
  name!: string;

  @OptionalTextField(1000, { nullable: true })
  description?: string | null;

  @ActiveField()
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
  @IdListField(5000)
  memberIds!: number[];

  @IdListField(500)
  workgroupIds!: number[];

  @IdListField(500)
  administratorIds!: number[];
}

export class QueueListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'code or name contains' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'only queues the caller belongs to or administers' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  mine?: boolean;
}
