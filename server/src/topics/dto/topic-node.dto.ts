import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/paging';
import type { TopicNode } from '../entities/topic-node.entity';
import { ActiveField, CodeField, IdListField, NameField, OptionalTextField, BooleanQuery } from '../../common/dto-fields';

export class CreateTopicNodeDto {
  @CodeField('CONTRACT_TERMINATION')
  code!: string;

  @NameField()
  name!: string;

  @OptionalTextField(4000, { nullable: true })
  description?: string | null;

  @ApiProperty({ enum: ['group', 'topic'], description: 'a group holds other nodes; a topic is what a request is about' })
  @IsIn(['group', 'topic'])
  kind!: 'group' | 'topic';

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'the group above; null for the top level' })
  @IsOptional()
  @IsInt()
  parentId?: number | null;

  @ActiveField()
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
  @BooleanQuery()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'part of the code or name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

/** Topics' own reorder body: up to 1000 ids and, unlike catalogs' `ReorderDto`, an empty list is allowed. */
export class TopicsReorderDto {
  @IdListField(1000, { description: 'ids in their new order; each gets its index as order' })
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
