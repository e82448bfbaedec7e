import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';
import { CODE_MESSAGE, CODE_PATTERN } from '../../auth/roles/roles.dto';
import { PageQuery } from '../../common/paging';
import type { TopicNode } from '../entities/topic-node.entity';
import { booleanQuery } from './setting.validators';

export class CreateTopicNodeDto {
  @ApiProperty({ example: 'CONTRACT_TERMINATION' })
  @IsString()
  @Length(1, 64)
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiProperty({ enum: ['group', 'topic'], description: 'a group holds other nodes; a topic is what a request is about' })
  @IsIn(['group', 'topic'])
  kind!: 'group' | 'topic';

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'the group above; null for the top level' })
  @IsOptional()
  @IsInt()
  parentId?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  order?: number;
}

export class UpdateTopicNodeDto extends PartialType(OmitType(CreateTopicNodeDto, ['code', 'kind'] as const)) {}

export class TopicNodeQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'children of this group; "root" for the top level' })
  @IsOptional()
  @Matches(/^(root|\d+)$/, { message: 'parent must be a node id or "root"' })
  parent?: string;

  @ApiPropertyOptional({ enum: ['group', 'topic'] })
  @IsOptional()
  @IsIn(['group', 'topic'])
  kind?: 'group' | 'topic';

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'part of the code or name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

export class ReorderDto {
  @ApiProperty({ type: [Number], description: 'ids in their new order; each gets its index as order' })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsInt({ each: true })
  ids!: number[];
}

export interface TopicNodeView {
  id: number;
  code: string;
  name: string;
  description: string | null;
  kind: 'group' | 'topic';
  parentId: number | null;
  active: boolean;
  order: number;
}

export function toTopicNodeView(node: TopicNode): TopicNodeView {
  const { sortOrder, ...rest } = node;
  return { ...rest, order: sortOrder };
}
