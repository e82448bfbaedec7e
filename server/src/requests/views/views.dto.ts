import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { RequestListQueryDto } from '../dto/requests.dto';
import { FILTER_OPERATORS, type FilterOperator } from '../list/request-list.types';

export class GroupQueryDto extends RequestListQueryDto {
  @ApiProperty({ description: 'status, assigneeId, priority, queueId, topicId, type, or attr.<CODE> of a list-column attribute' })
  @IsString()
  @MaxLength(200)
  by!: string;
}

export class ListFilterDto {
  @ApiProperty({ description: 'a request field or attr.<CODE>' })
  @IsString()
  @Length(1, 200)
  field!: string;

  @ApiProperty({ enum: FILTER_OPERATORS })
  @IsIn(FILTER_OPERATORS)
  op!: FilterOperator;

  @ApiPropertyOptional({ description: 'a value, or an array of values for `in`' })
  @IsOptional()
  value?: unknown;
}

/** GET /api/requests parameters as stored: the same fields and checks, filters as an array. */
export class SavedListQueryDto extends PickType(RequestListQueryDto, ['queueId', 'view', 'state', 'sort', 'archived', 'tag'] as const) {
  @ApiPropertyOptional({ type: [ListFilterDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ListFilterDto)
  filters?: ListFilterDto[];
}

export class SavedFilterDto {
  @ApiProperty({ example: 'Pskov, overdue' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ type: SavedListQueryDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SavedListQueryDto)
  query!: SavedListQueryDto;

  @ApiPropertyOptional({ description: 'offer it to every user who reads requests', default: false })
  @IsOptional()
  @IsBoolean()
  shared?: boolean;
}
