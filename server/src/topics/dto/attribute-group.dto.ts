import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Min } from 'class-validator';
import type { AttributeGroup } from '../entities/attribute-group.entity';
import { NameField } from '../../common/dto-fields';

export class CreateAttributeGroupDto {
  @NameField('Termination')
  name!: string;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  order?: number;

  @ApiPropertyOptional({ description: 'shown collapsed at first' })
  @IsOptional()
  @IsBoolean()
  collapsed?: boolean;
}

export class UpdateAttributeGroupDto extends PartialType(CreateAttributeGroupDto) {}

export interface AttributeGroupView {
  id: number;
  name: string;
  order: number;
  collapsed: boolean;
}

export function toAttributeGroupView(group: AttributeGroup): AttributeGroupView {
  return { id: group.id, name: group.name, order: group.sortOrder, collapsed: group.collapsed };
}
