import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/paging';
import { ActiveField, BooleanQuery, CodeField, NameField, OptionalTextField } from '../../common/dto-fields';

export class CreateRouteDto {
  @CodeField('CONTRACT_TERMINATION')
  code!: string;

  @NameField('Contract termination')
  name!: string;

  @OptionalTextField(1000, { nullable: true })
  description?: string | null;

  @ActiveField()
  active?: boolean;

  @ApiProperty({ type: [Number], description: 'topics whose new requests start on this route; a topic has at most one active route' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  @Min(1, { each: true })
  topicIds!: number[];
}

export class UpdateRouteDto extends PartialType(OmitType(CreateRouteDto, ['code'] as const)) {}

export class RouteListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'code or name contains' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  active?: boolean;
}
