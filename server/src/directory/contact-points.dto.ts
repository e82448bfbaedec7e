import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { applyDecorators } from '@nestjs/common';

export class PhoneDto {
  @ApiProperty({ example: '+7 (8112) 72-00-01' })
  @IsString()
  @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'a phone is 5 to 30 digits, spaces, brackets and dashes, with an optional leading +' })
  value!: string;

  @ApiPropertyOptional({ example: 'office' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;
}

export class EmailDto {
  @ApiProperty({ example: 'office@example.com' })
  @IsEmail()
  @MaxLength(254)
  value!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;
}

const listOf = (type: new () => object) =>
  applyDecorators(ApiPropertyOptional({ type: [type], description: 'replaces the whole list when given' }), IsOptional(), IsArray(), ArrayMaxSize(20), ValidateNested({ each: true }), Type(() => type));

/** Phones and e-mails, shared by clients, contact persons and partners. */
export class ContactInfoDto {
  @listOf(PhoneDto)
  phones?: PhoneDto[];

  @listOf(EmailDto)
  emails?: EmailDto[];
}
