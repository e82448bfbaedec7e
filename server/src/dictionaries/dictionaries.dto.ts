import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { CodeField } from './catalog.dto';
import { ActiveField, NameField, OptionalTextField, PositionField, BooleanQuery } from '../common/dto-fields';

export class CreateDictionaryDto {
  @CodeField('REGION')
  code!: string;

  @NameField()
  name!: string;

  @OptionalTextField(1000)
  description?: string;

  @ApiPropertyOptional({ description: 'items may have parents' })
  @IsOptional()
  @IsBoolean()
  hierarchical?: boolean;

  @ActiveField()
  active?: boolean;

  @PositionField()
  position?: number;
}

export class UpdateDictionaryDto extends PartialType(OmitType(CreateDictionaryDto, ['code'] as const)) {}

export class CreateDictionaryItemDto {
  @CodeField('PSKOV')
  code!: string;

  @NameField()
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'code of the parent item (hierarchical dictionaries only)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parentCode?: string | null;

  @ActiveField()
  active?: boolean;

  @PositionField()
  position?: number;
}

export class UpdateDictionaryItemDto extends PartialType(OmitType(CreateDictionaryItemDto, ['code'] as const)) {}

export class DictionaryItemsQuery {
  @ApiPropertyOptional({ enum: ['flat', 'tree'], default: 'flat' })
  @IsOptional()
  @IsIn(['flat', 'tree'])
  view: 'flat' | 'tree' = 'flat';

  @ApiPropertyOptional({ description: 'only active items (what a new request may use)' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  active?: boolean;
}

export class UnderQuery {
  @ApiProperty({ description: 'the item code to test' })
  @IsString()
  @Length(1, 64)
  value!: string;

  @ApiProperty({ description: 'the node it should lie under (or be)' })
  @IsString()
  @Length(1, 64)
  ancestor!: string;
}

export class HierarchyQuery {
  @ApiPropertyOptional({ description: 'comma-separated dictionary codes; all dictionaries when absent' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  codes?: string;
}
