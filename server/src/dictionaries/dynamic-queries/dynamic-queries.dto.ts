import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CodeField } from '../catalog.dto';
import { DYNAMIC_QUERY_LIMITS } from './allowed-tables';
import { PARAMETER_TYPES, type ParameterType } from './query-parameters';
import { ActiveField, NameField, OptionalTextField } from '../../common/dto-fields';

export class QueryParameterDto {
  @ApiProperty({ example: 'category' })
  @IsString()
  @Matches(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, { message: 'a parameter name is a letter or _ followed by letters, digits or _' })
  name!: string;

  @ApiProperty({ enum: PARAMETER_TYPES })
  @IsIn(PARAMETER_TYPES)
  type!: ParameterType;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  required?: boolean;
}

export class CreateDynamicQueryDto {
  @CodeField('CLIENTS_BY_CATEGORY')
  code!: string;

  @NameField()
  name!: string;

  @OptionalTextField(1000)
  description?: string;

  @ApiProperty({ example: 'SELECT id AS value, name AS label FROM clients WHERE category = :category', description: 'one SELECT over the allowed tables; parameters as :name' })
  @IsString()
  @Length(1, 10000)
  sql!: string;

  @ApiPropertyOptional({ type: [QueryParameterDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => QueryParameterDto)
  parameters?: QueryParameterDto[];

  @ApiProperty({ example: 'value' })
  @IsString()
  @Length(1, 64)
  valueColumn!: string;

  @ApiProperty({ example: 'label' })
  @IsString()
  @Length(1, 64)
  labelColumn!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: DYNAMIC_QUERY_LIMITS.maxRows, default: 100 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(DYNAMIC_QUERY_LIMITS.maxRows)
  maxRows?: number;

  @ActiveField()
  active?: boolean;
}

export class UpdateDynamicQueryDto extends PartialType(OmitType(CreateDynamicQueryDto, ['code'] as const)) {}

export class RunDynamicQueryDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { category: 'BIS' } })
  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;
}
