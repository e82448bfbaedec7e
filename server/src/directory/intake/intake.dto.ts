import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches } from 'class-validator';
import { CodeField } from '../../dictionaries/catalog.dto';
import { CODE_MESSAGE, CODE_PATTERN, ActiveField, IdListField, NameField, PositionField, BooleanQuery } from '../../common/dto-fields';

export class CreateCodedEntryDto {
  @CodeField('PHONE')
  code!: string;

  @NameField()
  name!: string;

  @ActiveField()
  active?: boolean;

  @PositionField()
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

export class CreateContactTemplateDto {
  @CodeField('CALL_CENTRE_VIP')
  code!: string;

  @NameField()
  name!: string;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  placeKindId?: number | null;

  @IdListField(1000, { optional: true, description: 'places the operator may choose; empty means any place of the kind' })
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

  @IdListField(1000, { optional: true, description: 'topic ids the operator may choose; empty means any' })
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

  @IdListField(1000, { optional: true, description: 'users (operators) the template is given to' })
  operatorIds?: number[];

  @ActiveField()
  active?: boolean;

  @PositionField()
  position?: number;
}

export class UpdateContactTemplateDto extends PartialType(OmitType(CreateContactTemplateDto, ['code'] as const)) {}
