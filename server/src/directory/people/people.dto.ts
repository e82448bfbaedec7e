import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { CatalogListQuery, CodeField } from '../../dictionaries/catalog.dto';
import { ContactInfoDto } from '../contact-points.dto';
import { ActiveField, OptionalTextField } from '../../common/dto-fields';

export class CreateContactPersonDto extends ContactInfoDto {
  @ApiProperty()
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  clientId?: number | null;

  @ApiPropertyOptional({ example: 'Chief accountant' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  position?: string;

  @ActiveField()
  active?: boolean;
}

export class UpdateContactPersonDto extends PartialType(CreateContactPersonDto) {}

export class ContactPersonListQuery extends CatalogListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  clientId?: number;
}

export class CreatePartnerDto extends ContactInfoDto {
  @CodeField('FIBRE_WORKS')
  code!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 300)
  name!: string;

  @OptionalTextField(1000)
  description?: string;

  @ActiveField()
  active?: boolean;
}

export class UpdatePartnerDto extends PartialType(OmitType(CreatePartnerDto, ['code'] as const)) {}
