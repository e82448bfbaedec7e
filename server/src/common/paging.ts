import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageWindow(query: PageQuery): { skip: number; take: number } {
  return { skip: (query.page - 1) * query.pageSize, take: query.pageSize };
}

/** One page of a list query with its total; `view` turns the rows into what the endpoint returns. */
export async function pageOf<Row extends ObjectLiteral, View = Row>(builder: SelectQueryBuilder<Row>, query: PageQuery, view?: (rows: Row[]) => View[] | Promise<View[]>): Promise<Page<View>> {
  const { skip, take } = pageWindow(query);
  const [rows, total] = await builder.skip(skip).take(take).getManyAndCount();
  const items = view ? await view(rows) : (rows as unknown as View[]);
  return { items, total, page: query.page, pageSize: query.pageSize };
}
