import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../../auth/principal';
import { CatalogListQuery } from '../catalog.dto';
import { ReorderDto } from '../../common/reorder.dto';
import { CreateExternalDictionaryDto, UpdateExternalDictionaryDto } from './external-dictionaries.dto';
import { ExternalDictionariesService } from './external-dictionaries.service';

/** Configuration (which may hold credentials in headers) needs dictionaries.manage; the values need a sign-in. */
@ApiTags('external dictionaries')
@ApiBearerAuth()
@Controller('external-dictionaries')
export class ExternalDictionariesController {
  constructor(private readonly external: ExternalDictionariesService) {}

  @Get()
  @RequirePermission('dictionaries.manage')
  list(@Query() query: CatalogListQuery) {
    return this.external.list(query);
  }

  @Put('order')
  @HttpCode(204)
  @RequirePermission('dictionaries.manage')
  async reorder(@CurrentPrincipal() actor: Principal, @Body() body: ReorderDto) {
    await this.external.reorder(actor, body.ids);
  }

  @Get(':id')
  @RequirePermission('dictionaries.manage')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.external.get(id);
  }

  @Get(':id/items')
  @ApiOperation({ summary: 'the values, from the cache while fresh; `stale: true` with `error` when the source failed and an older copy is served' })
  items(@Param('id', ParseIntPipe) id: number) {
    return this.external.items(id);
  }

  @Post(':id/refresh')
  @HttpCode(200)
  @RequirePermission('dictionaries.manage')
  refresh(@Param('id', ParseIntPipe) id: number) {
    return this.external.refresh(id);
  }

  @Post()
  @RequirePermission('dictionaries.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateExternalDictionaryDto) {
    return this.external.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('dictionaries.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateExternalDictionaryDto) {
    return this.external.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('dictionaries.manage')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.external.remove(actor, id);
  }
}
