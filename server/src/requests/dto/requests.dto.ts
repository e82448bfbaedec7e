import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { BooleanQuery, RichTextField, SubjectField } from '../../common/dto-fields';
import { PageQuery } from '../../common/paging';
import { VISIBILITIES, type Visibility } from '../entities/discussion.entity';

export const REQUEST_TYPES = ['incident', 'change', 'information', 'work', 'suggestion'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
const MAX_RICH_TEXT = 100_000;

export class NewRequestDto {
  @ApiProperty()
  @IsInt()
  topicId!: number;

  @ApiProperty({ enum: REQUEST_TYPES, description: 'incident, or a service request: change, information, work, suggestion' })
  @IsIn(REQUEST_TYPES)
  type!: RequestType;

  @ApiProperty({ description: 'a level of the priority matrix (1 = high)' })
  @IsInt()
  impact!: number;

  @ApiProperty({ description: 'a level of the priority matrix (1 = high)' })
  @IsInt()
  urgency!: number;

  @SubjectField()
  subject!: string;

  @RichTextField(MAX_RICH_TEXT)
  description?: string;

  @ApiPropertyOptional({ description: 'attribute code → value (an array for multiple choice)' })
  @IsOptional()
  @IsObject()
  attributes?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'the queue, for a topic without a route (a route chooses its own)' })
  @IsOptional()
  @IsInt()
  queueId?: number;
}

export class CreateContactDto {
  @ApiPropertyOptional({ description: 'one of the operator’s active contact templates (GET /api/contact-templates/mine); absent: the first of them' })
  @IsOptional()
  @IsInt()
  templateId?: number;

  @ApiPropertyOptional({ description: 'absent: from the contact template' })
  @IsOptional()
  @IsInt()
  channelId?: number;

  @ApiPropertyOptional({ description: 'absent: from the contact template' })
  @IsOptional()
  @IsInt()
  directionId?: number;

  @ApiPropertyOptional({ description: 'absent: the default place of the contact template' })
  @IsOptional()
  @IsInt()
  placeId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  clientId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  contactPersonId?: number;

  @ApiPropertyOptional({ description: 'when the contact happened (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;

  @ApiProperty({ type: [NewRequestDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => NewRequestDto)
  requests!: NewRequestDto[];
}

export class VersionedDto {
  @ApiProperty({ description: 'the version the client read; a stale one gets 409 and changes nothing' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

export class TransitionDto extends VersionedDto {
  @ApiProperty()
  @IsString()
  @Length(1, 128)
  transitionId!: string;

  @ApiPropertyOptional({ description: 'the branch, when several wait at the step' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  tokenId?: string;

  @ApiPropertyOptional({ description: 'attribute values the transition prompts for' })
  @IsOptional()
  @IsObject()
  changes?: Record<string, unknown>;
}

export class HandBackDto extends VersionedDto {
  @ApiProperty({ description: 'why the receiver hands the request back' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class AssignDto extends VersionedDto {
  @ApiProperty({ type: Number, nullable: true, description: 'a member of the request’s queue; null unassigns' })
  @IsOptional()
  @IsInt()
  assigneeId!: number | null;
}

export class UpdateAttributesDto extends VersionedDto {
  @ApiProperty({ description: 'attribute code → value; null clears' })
  @IsObject()
  values!: Record<string, unknown>;
}

/** `mine`: assigned to me; `myQueues`: my queues only, even with requests.read.all; `overdue`: open and past dueAt; `watched`: requests I watch. */
export const LIST_VIEWS = ['queue', 'mine', 'unassigned', 'myQueues', 'overdue', 'watched'] as const;

export class RequestListQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'one of the caller’s queues (default: all of them)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  queueId?: number;

  @ApiPropertyOptional({ enum: LIST_VIEWS })
  @IsOptional()
  @IsIn(LIST_VIEWS)
  view?: (typeof LIST_VIEWS)[number];

  @ApiPropertyOptional({ enum: ['open', 'closed', 'all'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'closed', 'all'])
  state?: 'open' | 'closed' | 'all';

  @ApiPropertyOptional({ description: 'JSON array of {field, op, value}; field is a request field or attr.<CODE>' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  filters?: string;

  @ApiPropertyOptional({ description: 'comma-separated field:asc|desc, e.g. priority:asc,attr.CITY:desc' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  sort?: string;

  @ApiPropertyOptional({ description: 'true: the archived requests (read-only) instead of the live ones', default: false })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  archived?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'only requests carrying every tag given (comma-separated, or the parameter repeated); compared as stored: trimmed, lower-cased' })
  @IsOptional()
  // Tags hold no commas, so `tag=a,b` is two of them; a repeated parameter arrives as an array.
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value.flatMap((item) => (typeof item === 'string' ? item.split(',') : [item])) : value))
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  tag?: string[];
}

export class CreateDiscussionDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ enum: VISIBILITIES })
  @IsIn(VISIBILITIES)
  visibility!: Visibility;
}

export class CreateCommentDto {
  @ApiProperty({ description: 'rich text (HTML), sanitised; @login mentions are recorded' })
  @IsString()
  @Length(1, MAX_RICH_TEXT)
  body!: string;
}
