import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { ActiveField, CodeField, NameField } from '../common/dto-fields';
import { PageQuery } from '../common/paging';
import { TEMPLATE_LANGUAGES } from './template-variables';

const BODY_LIMIT = 65_000;

export class CreateTemplateDto {
  @CodeField('request.assigned', { description: 'an event (request.created, sla.breach, …) or the template code a route notify action names' })
  code!: string;

  @ApiProperty({ enum: TEMPLATE_LANGUAGES })
  @IsIn(TEMPLATE_LANGUAGES)
  language!: string;

  @NameField('Request assigned')
  name!: string;

  @ApiProperty({ example: 'Request {{request.number}} is assigned to you', description: 'one line; {{variables}} as listed by GET /api/notification-templates/variables' })
  @IsString()
  @Length(1, 500)
  subject!: string;

  @ApiProperty({ description: 'HTML body; every inserted value is HTML-escaped' })
  @IsString()
  @Length(1, BODY_LIMIT)
  html!: string;

  @ApiProperty({ description: 'plain-text body, also the text of the in-app notification' })
  @IsString()
  @Length(1, BODY_LIMIT)
  text!: string;

  @ActiveField()
  active?: boolean;
}

export class UpdateTemplateDto extends PartialType(OmitType(CreateTemplateDto, ['code', 'language'] as const)) {}

export class TemplateListQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  code?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_LANGUAGES })
  @IsOptional()
  @IsIn(TEMPLATE_LANGUAGES)
  language?: string;
}
