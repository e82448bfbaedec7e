import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQuery } from '../../common/paging';
import { ContactInfoDto } from '../contact-points.dto';
import { CODE_MESSAGE, CODE_PATTERN, ActiveField, NameField, BooleanQuery } from '../../common/dto-fields';

const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = 'a date is YYYY-MM-DD';

export class ContractDto {
  @ApiProperty({ example: 'K-2024/17' })
  @IsString()
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} ./_-]{0,63}$/u, { message: 'a contract number is letters, digits, spaces and . / _ - (up to 64)' })
  number!: string;

  @ApiProperty({ example: '2024-01-01' })
  @Matches(DATE_PATTERN, { message: DATE_MESSAGE })
  startsOn!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-12-31' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: DATE_MESSAGE })
  endsOn?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;
}

export class ServiceEntryDto {
  @ApiProperty({ example: 'INTERNET' })
  @IsString()
  @Length(1, 64)
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  serviceCode!: string;

  @NameField('Business internet')
  name!: string;

  @ApiProperty({ example: 'GOLD' })
  @IsString()
  @Length(1, 64)
  slaLevel!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, default: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  businessPriority?: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'one of this client\'s contract numbers' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  contractNumber?: string | null;
}

export class CreateClientDto extends ContactInfoDto {
  @ApiProperty({ enum: ['company', 'person'] })
  @IsIn(['company', 'person'])
  kind!: 'company' | 'person';

  @ApiProperty()
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'BIS' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  category?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, default: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  priority?: number;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  groupName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'an item code of the REGION dictionary' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  region?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  address?: string;

  @ApiPropertyOptional({ description: 'a prospect: not a client yet' })
  @IsOptional()
  @IsBoolean()
  prospect?: boolean;

  @ActiveField()
  active?: boolean;

  @ApiPropertyOptional({ type: [ContractDto], description: 'replaces the whole list when given' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ContractDto)
  contracts?: ContractDto[];

  @ApiPropertyOptional({ type: [ServiceEntryDto], description: 'replaces the whole list when given' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ServiceEntryDto)
  services?: ServiceEntryDto[];
}

export class UpdateClientDto extends PartialType(OmitType(CreateClientDto, ['prospect'] as const)) {}

export class ClientListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'part of the name, a phone number (digits), an e-mail or a contract number' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ description: 'digits of a phone number; other characters are ignored' })
  @IsOptional()
  @IsString()
  @Length(3, 40)
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 254)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  contract?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  category?: string;

  @ApiPropertyOptional({ description: 'true: prospects only; false: clients only; absent: both' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  prospect?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  active?: boolean;
}

export class NoteDto {
  @ApiProperty()
  @IsString()
  @Length(1, 10000)
  text!: string;
}
