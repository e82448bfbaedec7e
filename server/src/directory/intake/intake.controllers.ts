import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseIntPipe, Patch, Post, Put, Query, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../../auth/principal';
import { CatalogListQuery } from '../../dictionaries/catalog.dto';
import { ReorderDto } from '../../common/reorder.dto';
import { ContactTemplatesService } from './contact-templates.service';
import { CodedListName, IntakeListsService } from './intake-lists.service';
import {
  CreateCodedEntryDto,
  CreateContactPlaceDto,
  CreateContactTemplateDto,
  PlacesQuery,
  UpdateCodedEntryDto,
  UpdateContactPlaceDto,
  UpdateContactTemplateDto,
} from './intake.dto';

/**
 * One controller per flat code list (place kinds, channels, directions), all alike. Reading needs only a
 * sign-in (every contact form offers them); changing needs intake.configure.
 */
function codedListController(name: CodedListName, className: string): Type<unknown> {
  @ApiTags('intake configuration')
  @ApiBearerAuth()
  @Controller(name)
  class CodedListController {
    constructor(@Inject(IntakeListsService) private readonly lists: IntakeListsService) {}

    @Get()
    list(@Query() query: CatalogListQuery) {
      return this.lists.list(name, query);
    }

    @Post()
    @RequirePermission('intake.configure')
    create(@CurrentPrincipal() actor: Principal, @Body() body: CreateCodedEntryDto) {
      return this.lists.create(actor, name, body);
    }

    @Put('order')
    @HttpCode(204)
    @RequirePermission('intake.configure')
    async reorder(@CurrentPrincipal() actor: Principal, @Body() body: ReorderDto) {
      await this.lists.reorder(actor, name, body.ids);
    }

    @Patch(':id')
    @RequirePermission('intake.configure')
    update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateCodedEntryDto) {
      return this.lists.update(actor, name, id, body);
    }

    @Delete(':id')
    @HttpCode(204)
    @RequirePermission('intake.configure')
    async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
      await this.lists.remove(actor, name, id);
    }
  }
  // The class name becomes the OpenAPI operationId prefix, which must differ per list.
  Object.defineProperty(CodedListController, 'name', { value: className });
  return CodedListController;
}

export const PlaceKindsController = codedListController('place-kinds', 'PlaceKindsController');
export const ChannelsController = codedListController('channels', 'ChannelsController');
export const DirectionsController = codedListController('directions', 'DirectionsController');

@ApiTags('intake configuration')
@ApiBearerAuth()
@Controller('contact-places')
export class ContactPlacesController {
  constructor(private readonly lists: IntakeListsService) {}

  @Get()
  list(@Query() query: PlacesQuery) {
    return this.lists.places(query.view, query.active === true);
  }

  @Post()
  @RequirePermission('intake.configure')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateContactPlaceDto) {
    return this.lists.createPlace(actor, body);
  }

  @Put('order')
  @HttpCode(204)
  @RequirePermission('intake.configure')
  async reorder(@CurrentPrincipal() actor: Principal, @Body() body: ReorderDto) {
    await this.lists.reorderPlaces(actor, body.ids);
  }

  @Patch(':id')
  @RequirePermission('intake.configure')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateContactPlaceDto) {
    return this.lists.updatePlace(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('intake.configure')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.lists.removePlace(actor, id);
  }
}

@ApiTags('intake configuration')
@ApiBearerAuth()
@Controller('contact-templates')
export class ContactTemplatesController {
  constructor(private readonly templates: ContactTemplatesService) {}

  @Get('mine')
  @ApiOperation({ summary: 'the active contact templates given to the signed-in operator, with their places, channel and direction' })
  mine(@CurrentPrincipal() actor: Principal) {
    return this.templates.mine(actor);
  }

  @Get()
  @RequirePermission('intake.configure')
  list(@Query() query: CatalogListQuery) {
    return this.templates.list(query);
  }

  @Get(':id')
  @RequirePermission('intake.configure')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.templates.get(id);
  }

  @Post()
  @RequirePermission('intake.configure')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateContactTemplateDto) {
    return this.templates.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('intake.configure')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateContactTemplateDto) {
    return this.templates.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('intake.configure')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.templates.remove(actor, id);
  }
}
