import { ApiProperty, ApiPropertyOptional, OmitType, PartialType, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/paging';
import type { AttributeDefinition } from '../entities/attribute-definition.entity';
import { VALUE_TYPES, type DefaultSetting, type FlagSetting, type ValueType } from '../resolution/definitions';
import { IsBound, IsDefaultSetting, IsFlagSetting } from './setting.validators';
import { ActiveField, NameField, OptionalTextField, BooleanQuery } from '../../common/dto-fields';

/** Attribute codes are keys of the form and segments of rule paths (`request.attributes.CODE`): no dots. */
export const ATTRIBUTE_CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

export const FLAG_SCHEMA: ApiPropertyOptions = { oneOf: [{ type: 'boolean' }, { type: 'object', properties: { rule: { description: 'JSONLogic' } }, required: ['rule'] }] };
export const DEFAULT_SCHEMA: ApiPropertyOptions = { oneOf: [{ type: 'object', properties: { fixed: { description: 'a value of the attribute' } }, required: ['fixed'] }, { type: 'object', properties: { rule: { description: 'JSONLogic' } }, required: ['rule'] }] };

export class CreateAttributeDto {
  @ApiProperty({ example: 'TERMINATION_DATE' })
  @IsString()
  @Length(1, 64)
  @Matches(ATTRIBUTE_CODE_PATTERN, { message: 'an attribute code starts with a letter and contains letters, digits and _ only' })
  code!: string;

  @NameField()
  name!: string;

  @OptionalTextField(4000, { nullable: true })
  description?: string | null;

  @ApiProperty({ enum: VALUE_TYPES })
  @IsIn(VALUE_TYPES)
  valueType!: ValueType;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'digits after the point (decimal only, 0–6)' })
  @IsOptional()
  @IsInt()
  scale?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'dictionary or external dictionary the values come from' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  dictionaryCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'dynamic query the values come from' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  queryCode?: string | null;

  @ApiPropertyOptional({ description: 'several values may be chosen' })
  @IsOptional()
  @IsBoolean()
  multiple?: boolean;

  @ApiPropertyOptional({ ...DEFAULT_SCHEMA, nullable: true })
  @IsOptional()
  @IsDefaultSetting()
  defaultValue?: DefaultSetting | null;

  @ApiPropertyOptional(FLAG_SCHEMA)
  @IsOptional()
  @IsFlagSetting()
  required?: FlagSetting;

  @ApiPropertyOptional(FLAG_SCHEMA)
  @IsOptional()
  @IsFlagSetting()
  hidden?: FlagSetting;

  @ApiPropertyOptional(FLAG_SCHEMA)
  @IsOptional()
  @IsFlagSetting()
  readOnly?: FlagSetting;

  @ApiPropertyOptional({ type: String, nullable: true, description: '9 digit, a letter, * letter or digit, \\ escapes' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  mask?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'ECMAScript (unicode) regular expression, unanchored as in JSON Schema' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  regex?: string | null;

  @ApiPropertyOptional({ oneOf: [{ type: 'number' }, { type: 'string' }], nullable: true, description: 'value (numbers), length (strings) or ISO date' })
  @IsOptional()
  @IsBound()
  min?: number | string | null;

  @ApiPropertyOptional({ oneOf: [{ type: 'number' }, { type: 'string' }], nullable: true })
  @IsOptional()
  @IsBound()
  max?: number | string | null;

  @ActiveField()
  active?: boolean;

  @ApiPropertyOptional({ description: 'shown as a column in request lists (filterable and sortable)' })
  @IsOptional()
  @IsBoolean()
  listColumn?: boolean;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  order?: number;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  attributeGroupId?: number | null;
}

export class UpdateAttributeDto extends PartialType(OmitType(CreateAttributeDto, ['code'] as const)) {}

export class AttributeQuery extends PageQuery {
  @ApiPropertyOptional({ enum: VALUE_TYPES })
  @IsOptional()
  @IsIn(VALUE_TYPES)
  valueType?: ValueType;

  @ApiPropertyOptional()
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  listColumn?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  attributeGroupId?: number;

  @ApiPropertyOptional({ description: 'part of the code or name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

export type AttributeView = Omit<AttributeDefinition, 'sortOrder'> & { order: number };

export function toAttributeView(attribute: AttributeDefinition): AttributeView {
  const { sortOrder, ...rest } = attribute;
  return { ...rest, order: sortOrder };
}
