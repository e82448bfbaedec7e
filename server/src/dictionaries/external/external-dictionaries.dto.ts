import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUrl, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CodeField } from '../catalog.dto';
import { EXTERNAL_LIMITS } from './external-source';
import { ActiveField, NameField, PositionField } from '../../common/dto-fields';

class SourceLimits {
  @ApiPropertyOptional({ minimum: 100, maximum: EXTERNAL_LIMITS.maxTimeoutMs, default: 5000 })
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(EXTERNAL_LIMITS.maxTimeoutMs)
  timeoutMs?: number;
}

export class HttpSourceDto extends SourceLimits {
  @ApiProperty({ example: 'https://billing.example/api/tariffs' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({ description: 'dot path to the array of items; empty when the answer is the array', default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  itemsPath?: string;

  @ApiProperty({ example: 'id' })
  @IsString()
  @Length(1, 100)
  codeField!: string;

  @ApiProperty({ example: 'title' })
  @IsString()
  @Length(1, 100)
  nameField!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  parentField?: string | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { authorization: 'Bearer …' } })
  @IsOptional()
  @IsObject()
  headers?: Record<string, string>;

  @ApiPropertyOptional({ minimum: 1, maximum: EXTERNAL_LIMITS.maxBytes, default: 1048576 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(EXTERNAL_LIMITS.maxBytes)
  maxBytes?: number;
}

export class SqlSourceDto extends SourceLimits {
  @ApiProperty({ description: 'a connection named in DOCKET_EXTERNAL_SQL_CONNECTIONS' })
  @IsString()
  @Length(1, 64)
  connection!: string;

  @ApiProperty({ example: 'SELECT code, title FROM tariffs WHERE active = 1' })
  @IsString()
  @Length(1, 10000)
  query!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 100)
  codeColumn!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 100)
  nameColumn!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  parentColumn?: string | null;
}

export class CreateExternalDictionaryDto {
  @CodeField('TARIFF')
  code!: string;

  @NameField()
  name!: string;

  @ApiProperty({ enum: ['http', 'sql'] })
  @IsIn(['http', 'sql'])
  kind!: 'http' | 'sql';

  @ApiPropertyOptional({ type: HttpSourceDto, description: 'required when kind is http' })
  @IsOptional()
  @ValidateNested()
  @Type(() => HttpSourceDto)
  http?: HttpSourceDto;

  @ApiPropertyOptional({ type: SqlSourceDto, description: 'required when kind is sql' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SqlSourceDto)
  sql?: SqlSourceDto;

  @ApiPropertyOptional({ minimum: 0, maximum: 604800, default: 3600, description: 'how long a successful read is served from the cache' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(604800)
  ttlSeconds?: number;

  @ActiveField()
  active?: boolean;

  @PositionField()
  position?: number;
}

export class UpdateExternalDictionaryDto extends PartialType(OmitType(CreateExternalDictionaryDto, ['code'] as const)) {}
