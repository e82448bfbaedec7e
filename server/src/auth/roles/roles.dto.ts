import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';
import { ALL_PERMISSIONS, Permission } from '../permissions';
import { CodeField, NameField, OptionalTextField } from '../../common/dto-fields';

export class CreateRoleDto {
  @CodeField('dispatcher')
  code!: string;

  @NameField()
  name!: string;

  @OptionalTextField(1000)
  description?: string;

  @ApiProperty({ enum: ALL_PERMISSIONS, isArray: true })
  @IsArray()
  @ArrayMaxSize(200)
  @IsIn(ALL_PERMISSIONS, { each: true, message: 'unknown permission' })
  permissions!: Permission[];
}

export class UpdateRoleDto extends PartialType(OmitType(CreateRoleDto, ['code'] as const)) {}

export class PermissionView {
  @ApiProperty() code!: string;
  @ApiProperty() description!: string;
}
