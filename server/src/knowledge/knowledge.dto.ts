import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { BooleanQuery, IdListField } from '../common/dto-fields';
import { PageQuery } from '../common/paging';
import { ARTICLE_KINDS, AUDIENCES, type ArticleKind, type Audience } from './entities/knowledge-article.entity';

const MAX_BODY = 100_000;

export class CreateArticleDto {
  @ApiProperty()
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ description: 'rich text (HTML), sanitised' })
  @IsString()
  @Length(1, MAX_BODY)
  body!: string;

  @IdListField(50, { optional: true, description: 'topics the article answers questions about' })
  topicIds?: number[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  published?: boolean;

  @ApiProperty({ enum: AUDIENCES, description: 'internal: staff only; customer: also the portal, once published' })
  @IsIn(AUDIENCES)
  audience!: Audience;

  @ApiPropertyOptional({ enum: ARTICLE_KINDS, default: 'article', description: 'an article, a question with its answer (faq), or a known error with its workaround' })
  @IsOptional()
  @IsIn(ARTICLE_KINDS)
  kind?: ArticleKind;

  @IdListField(50, { optional: true, description: 'internal articles only: the workgroups (and the groups under them) whose staff read it; none for all staff' })
  workgroupIds?: number[];
}

/** Absent fields keep their values; the version read guards against overwriting someone else's edit. */
export class UpdateArticleDto {
  @ApiProperty({ description: 'the version read; a stale one gets 409' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, MAX_BODY)
  body?: string;

  @IdListField(50, { optional: true })
  topicIds?: number[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  tags?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  published?: boolean;

  @ApiPropertyOptional({ enum: AUDIENCES })
  @IsOptional()
  @IsIn(AUDIENCES)
  audience?: Audience;

  @ApiPropertyOptional({ enum: ARTICLE_KINDS })
  @IsOptional()
  @IsIn(ARTICLE_KINDS)
  kind?: ArticleKind;

  @IdListField(50, { optional: true })
  workgroupIds?: number[];
}

export class SetArticlesDto {
  @IdListField(50, { description: 'every article linked, in place of those linked before (links to articles the caller cannot read are kept)' })
  articleIds!: number[];
}

export class PortalKnowledgeQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'words every article found contains (title, text or tags)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'only articles linked to this topic' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  topicId?: number;
}

export class KnowledgeSearchQuery extends PortalKnowledgeQuery {
  @ApiPropertyOptional({ enum: AUDIENCES })
  @IsOptional()
  @IsIn(AUDIENCES)
  audience?: Audience;

  @ApiPropertyOptional({ enum: ARTICLE_KINDS })
  @IsOptional()
  @IsIn(ARTICLE_KINDS)
  kind?: ArticleKind;

  @ApiPropertyOptional({ description: 'absent: drafts and published alike' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  published?: boolean;
}
