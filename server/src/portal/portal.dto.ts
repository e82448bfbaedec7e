import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';
import { BooleanQuery } from '../common/dto-fields';
import { PageQuery } from '../common/paging';
import { REQUEST_TYPES, type RequestType } from '../requests/dto/requests.dto';

/** Makes a user a client's customer (or, with clientId null, an ordinary user again). */
export class BindCustomerDto {
  @ApiProperty({ type: Number, nullable: true, description: 'the client the user speaks for; null unbinds' })
  @ValidateIf((_dto, value) => value !== null)
  @IsInt()
  clientId!: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: "one of the client's contact persons" })
  @IsOptional()
  @IsInt()
  contactPersonId?: number | null;
}

/** What a customer fills in: no queue, no impact, no operator's choices. */
export class PortalRequestDto {
  @ApiProperty()
  @IsInt()
  topicId!: number;

  @ApiProperty({ description: 'plain text; tags are removed' })
  @IsString()
  @Length(1, 500)
  subject!: string;

  @ApiPropertyOptional({ description: 'rich text (HTML), sanitised' })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  description?: string;

  @ApiPropertyOptional({ description: 'attribute code → value, as the form schema describes' })
  @IsOptional()
  @IsObject()
  attributes?: Record<string, unknown>;

  @ApiPropertyOptional({ enum: REQUEST_TYPES, default: 'incident' })
  @IsOptional()
  @IsIn(REQUEST_TYPES)
  type?: RequestType;

  @ApiPropertyOptional({ description: 'a level of the priority matrix (1 = most urgent); absent: the least urgent' })
  @IsOptional()
  @IsInt()
  urgency?: number;
}

export class PortalRequestListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'only requests in this status' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  status?: string;

  @ApiPropertyOptional({ description: 'true: open only; false: closed only' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  open?: boolean;
}
