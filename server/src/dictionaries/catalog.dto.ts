import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../common/paging';
import { CodeField as CommonCodeField, BooleanQuery } from '../common/dto-fields';

/** Catalog codes also state their length limit in the OpenAPI document. */
export const CodeField = (example: string) => CommonCodeField(example, { maxLength: 64 });


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
