import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { CODE_MESSAGE, CODE_PATTERN } from '../../auth/roles/roles.dto';
import { BooleanQuery, CodeField } from '../../dictionaries/catalog.dto';

export class CreateCodedEntryDto {
  @CodeField('PHONE')
  code!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export class UpdateCodedEntryDto extends PartialType(OmitType(CreateCodedEntryDto, ['code'] as const)) {}

export class CreateContactPlaceDto extends CreateCodedEntryDto {
  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  parentId?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'a place kind id' })
  @IsOptional()
  @IsInt()
  kindId?: number | null;
}

export class UpdateContactPlaceDto extends PartialType(OmitType(CreateContactPlaceDto, ['code'] as const)) {}

export class PlacesQuery {
  @ApiPropertyOptional({ enum: ['flat', 'tree'], default: 'flat' })
  @IsOptional()
  @IsIn(['flat', 'tree'])
  view: 'flat' | 'tree' = 'flat';

  @ApiPropertyOptional()
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  active?: boolean;
}

const idList = (description: string) => applyDecorators(ApiPropertyOptional({ type: [Number], description }), IsOptional(), IsArray(), ArrayMaxSize(1000), IsInt({ each: true }));

export class CreateContactTemplateDto {
  @CodeField('CALL_CENTRE_VIP')
  code!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  placeKindId?: number | null;

  @idList('places the operator may choose; empty means any place of the kind')
  allowedPlaceIds?: number[];

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  defaultPlaceId?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  directionId?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  channelId?: number | null;

  @idList('topic ids the operator may choose; empty means any')
  allowedTopicIds?: number[];

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  defaultTopicId?: number | null;

  @ApiPropertyOptional({ type: [String], description: 'client category codes; empty means any' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Matches(CODE_PATTERN, { each: true, message: CODE_MESSAGE })
  allowedClientCategories?: string[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  defaultClientCategory?: string | null;

  @idList('users (operators) the template is given to')
  operatorIds?: number[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export class UpdateContactTemplateDto extends PartialType(OmitType(CreateContactTemplateDto, ['code'] as const)) {}
