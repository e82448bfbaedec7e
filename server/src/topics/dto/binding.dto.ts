import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';
import type { AttributeBinding } from '../entities/attribute-binding.entity';
import type { DefaultSetting, FlagSetting } from '../resolution/definitions';
import { DEFAULT_SCHEMA, FLAG_SCHEMA } from './attribute.dto';
import { IsDefaultSetting, IsFlagSetting } from './setting.validators';

/** Places an attribute on a node; each setting left out (or null) is inherited from above. */
export class CreateBindingDto {
  @ApiProperty()
  @IsInt()
  attributeId!: number;

  @ApiPropertyOptional({ ...FLAG_SCHEMA, nullable: true })
  @IsOptional()
  @IsFlagSetting()
  required?: FlagSetting | null;

  @ApiPropertyOptional({ ...FLAG_SCHEMA, nullable: true })
  @IsOptional()
  @IsFlagSetting()
  hidden?: FlagSetting | null;

  @ApiPropertyOptional({ ...FLAG_SCHEMA, nullable: true })
  @IsOptional()
  @IsFlagSetting()
  readOnly?: FlagSetting | null;

  @ApiPropertyOptional({ ...DEFAULT_SCHEMA, nullable: true })
  @IsOptional()
  @IsDefaultSetting()
  defaultValue?: DefaultSetting | null;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  order?: number;
}

export class UpdateBindingDto extends PartialType(OmitType(CreateBindingDto, ['attributeId'] as const)) {}

export type BindingView = Omit<AttributeBinding, 'sortOrder'> & { order: number };

export function toBindingView(binding: AttributeBinding): BindingView {
  const { sortOrder, ...rest } = binding;
  return { ...rest, order: sortOrder };
}
