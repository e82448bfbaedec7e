import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { ALL_PERMISSIONS, Permission } from '../permissions';

export const CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*$/;
export const CODE_MESSAGE = 'a code starts with a letter and contains letters, digits and _ . - only';

export class CreateRoleDto {
  @ApiProperty({ example: 'dispatcher' })
  @IsString()
  @Length(1, 64)
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
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
