import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsTimeZone, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../common/paging';
import { PASSWORD_MIN_LENGTH } from '../dto/login.dto';
import { ActiveField, BooleanQuery, NameField } from '../../common/dto-fields';

export const LOCALES = ['en', 'ru'] as const;
const LOGIN_PATTERN = /^[a-zA-Z0-9._@-]+$/;

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'part of the login, name or e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  active?: boolean;
}

export class CreateUserDto {
  @ApiProperty({ example: 'ivanov' })
  @IsString()
  @Length(1, 64)
  @Matches(LOGIN_PATTERN, { message: 'login may contain letters, digits and . _ @ - only' })
  login!: string;

  @NameField('Ivan Ivanov')
  name!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ActiveField()
  active?: boolean;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: string;

  @ApiPropertyOptional({ example: 'Europe/Moscow' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  roleCodes?: string[];

  @ApiPropertyOptional({ type: Number, nullable: true, description: "the client the user speaks for: a customer, who uses the portal only; null unbinds" })
  @IsOptional()
  @IsInt()
  clientId?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: "the partner organisation the user works for: sees its work orders only; null unbinds" })
  @IsOptional()
  @IsInt()
  partnerId?: number | null;
}

export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['login', 'password'] as const)) {}

export class SetPasswordDto {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  password!: string;
}
