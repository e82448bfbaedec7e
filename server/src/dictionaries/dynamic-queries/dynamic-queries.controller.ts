import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../../auth/principal';
import { CatalogListQuery } from '../catalog.dto';
import { CreateDynamicQueryDto, RunDynamicQueryDto, UpdateDynamicQueryDto } from './dynamic-queries.dto';
import { DynamicQueriesService } from './dynamic-queries.service';

@ApiTags('dynamic queries')
@ApiBearerAuth()
@Controller('dynamic-queries')
export class DynamicQueriesController {
  constructor(private readonly queries: DynamicQueriesService) {}

  @Get()
  @RequirePermission('dictionaries.manage')
  list(@Query() query: CatalogListQuery) {
    return this.queries.list(query);
  }

  @Get(':id')
  @RequirePermission('dictionaries.manage')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.queries.get(id);
  }

  @Post(':id/run')
  @HttpCode(200)
  @RequirePermission('directory.read')
  @ApiOperation({ summary: 'runs the stored query with typed parameters; it may read the directory, hence directory.read' })
  run(@Param('id', ParseIntPipe) id: number, @Body() body: RunDynamicQueryDto) {
    return this.queries.run(id, body.params ?? {});
  }

  @Post()
  @RequirePermission('dictionaries.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateDynamicQueryDto) {
    return this.queries.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('dictionaries.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateDynamicQueryDto) {
    return this.queries.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('dictionaries.manage')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.queries.remove(actor, id);
  }
}
