import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { CatalogListQuery } from './catalog.dto';
import { ReorderDto } from '../common/reorder.dto';
import { CreateDictionaryDto, CreateDictionaryItemDto, DictionaryItemsQuery, HierarchyQuery, UnderQuery, UpdateDictionaryDto, UpdateDictionaryItemDto } from './dictionaries.dto';
import { DictionariesService } from './dictionaries.service';

/** Reading needs only a sign-in (every form offers dictionary values); changing needs dictionaries.manage. */
@ApiTags('dictionaries')
@ApiBearerAuth()
@Controller('dictionaries')
export class DictionariesController {
  constructor(private readonly dictionaries: DictionariesService) {}

  @Get()
  list(@Query() query: CatalogListQuery) {
    return this.dictionaries.list(query);
  }

  @Get('hierarchy')
  @ApiOperation({ summary: '{ dictCode: { itemCode: parentCode | null } } — the data of the rule engine\'s hierarchical "in"' })
  hierarchy(@Query() query: HierarchyQuery) {
    return this.dictionaries.hierarchies(query.codes?.split(',').map((code) => code.trim()).filter(Boolean));
  }

  @Put('order')
  @HttpCode(204)
  @RequirePermission('dictionaries.manage')
  async reorder(@CurrentPrincipal() actor: Principal, @Body() body: ReorderDto) {
    await this.dictionaries.reorder(actor, body.ids);
  }

  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.dictionaries.get(id);
  }

  @Get(':id/items')
  items(@Param('id', ParseIntPipe) id: number, @Query() query: DictionaryItemsQuery) {
    return this.dictionaries.items(id, query.view, query.active === true);
  }

  @Get(':id/under')
  @ApiOperation({ summary: 'whether an item is the given node or lies below it' })
  under(@Param('id', ParseIntPipe) id: number, @Query() query: UnderQuery) {
    return this.dictionaries.isUnder(id, query.value, query.ancestor);
  }

  @Post()
  @RequirePermission('dictionaries.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateDictionaryDto) {
    return this.dictionaries.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('dictionaries.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateDictionaryDto) {
    return this.dictionaries.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('dictionaries.manage')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.dictionaries.remove(actor, id);
  }

  @Post(':id/items')
  @RequirePermission('dictionaries.manage')
  createItem(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: CreateDictionaryItemDto) {
    return this.dictionaries.createItem(actor, id, body);
  }

  @Put(':id/items/order')
  @HttpCode(204)
  @RequirePermission('dictionaries.manage')
  async reorderItems(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: ReorderDto) {
    await this.dictionaries.reorderItems(actor, id, body.ids);
  }

  @Patch(':id/items/:itemId')
  @RequirePermission('dictionaries.manage')
  updateItem(
    @CurrentPrincipal() actor: Principal,
    @Param('id', ParseIntPipe) id: number,
    @Param('itemId', ParseIntPipe) itemId: number,
    @Body() body: UpdateDictionaryItemDto,
  ) {
    return this.dictionaries.updateItem(actor, id, itemId, body);
  }

  @Delete(':id/items/:itemId')
  @HttpCode(204)
  @RequirePermission('dictionaries.manage')
  async removeItem(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Param('itemId', ParseIntPipe) itemId: number) {
    await this.dictionaries.removeItem(actor, id, itemId);
  }
}
