import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { CODE_MESSAGE, CODE_PATTERN } from '../auth/roles/roles.dto';
import { PageQuery } from '../common/paging';

/** A configuration code: unique, stable, referenced by rules and exports. */
export const CodeField = (example: string) =>
  applyDecorators(ApiProperty({ example, maxLength: 64 }), IsString(), Length(1, 64), Matches(CODE_PATTERN, { message: CODE_MESSAGE }));

export const BooleanQuery = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

/** Filters every admin list shares: text in code or name, active state, paging. */
export class CatalogListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'part of the code or name' })
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

export class ReorderDto {
  @ApiProperty({ type: [Number], description: 'ids in their new order; positions become 0, 1, 2, …' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @IsInt({ each: true })
  ids!: number[];
}
