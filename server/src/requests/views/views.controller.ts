import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../../auth/principal';
import { RequestGroupsService } from './request-groups.service';
import { SavedFiltersService } from './saved-filters.service';
import { GroupQueryDto, SavedFilterDto } from './views.dto';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class RequestGroupsController {
  constructor(private readonly groups: RequestGroupsService) {}

  /** The list's scope and filters, counted per status, assignee, priority, queue, topic, type or list-column attribute. */
  @Get('groups')
  @RequirePermission('requests.read')
  count(@CurrentPrincipal() actor: Principal, @Query() query: GroupQueryDto) {
    return this.groups.groups(actor, query);
  }

  @Post(':id/watch')
  @HttpCode(200)
  @RequirePermission('requests.read')
  watch(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.groups.watch(actor, id, true);
  }

  @Delete(':id/watch')
  @RequirePermission('requests.read')
  unwatch(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.groups.watch(actor, id, false);
  }
}

@ApiTags('requests')
@ApiBearerAuth()
@Controller('me/saved-filters')
export class SavedFiltersController {
  constructor(private readonly filters: SavedFiltersService) {}

  /** The caller's saved filters and those others share. */
  @Get()
  @RequirePermission('requests.read')
  list(@CurrentPrincipal() actor: Principal) {
    return this.filters.list(actor);
  }

  @Get(':id')
  @RequirePermission('requests.read')
  get(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.filters.get(actor, id);
  }

  @Post()
  @RequirePermission('requests.read')
  create(@CurrentPrincipal() actor: Principal, @Body() body: SavedFilterDto) {
    return this.filters.create(actor, body);
  }

  @Put(':id')
  @RequirePermission('requests.read')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: SavedFilterDto) {
    return this.filters.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('requests.read')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number): Promise<void> {
    await this.filters.remove(actor, id);
  }
}
