import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { BooleanQuery, CodeField } from './catalog.dto';

export class CreateDictionaryDto {
  @CodeField('REGION')
  code!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiPropertyOptional({ description: 'items may have parents' })
  @IsOptional()
  @IsBoolean()
  hierarchical?: boolean;

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

export class UpdateDictionaryDto extends PartialType(OmitType(CreateDictionaryDto, ['code'] as const)) {}

export class CreateDictionaryItemDto {
  @CodeField('PSKOV')
  code!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'code of the parent item (hierarchical dictionaries only)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parentCode?: string | null;

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
