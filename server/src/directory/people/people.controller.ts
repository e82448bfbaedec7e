import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../../auth/principal';
import { CatalogListQuery } from '../../dictionaries/catalog.dto';
import { ContactPersonListQuery, CreateContactPersonDto, CreatePartnerDto, UpdateContactPersonDto, UpdatePartnerDto } from './people.dto';
import { PeopleService } from './people.service';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('contact-persons')
export class ContactPersonsController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @RequirePermission('directory.read')
  list(@Query() query: ContactPersonListQuery) {
    return this.people.listPersons(query);
  }

  @Get(':id')
  @RequirePermission('directory.read')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.people.getPerson(id);
  }

  @Post()
  @RequirePermission('directory.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateContactPersonDto) {
    return this.people.createPerson(actor, body);
  }

  @Patch(':id')
  @RequirePermission('directory.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateContactPersonDto) {
    return this.people.updatePerson(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('directory.manage')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.people.removePerson(actor, id);
  }
}

@ApiTags('directory')
@ApiBearerAuth()
@Controller('partners')
export class PartnersController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @RequirePermission('directory.read')
  list(@Query() query: CatalogListQuery) {
    return this.people.listPartners(query);
  }

  @Get(':id')
  @RequirePermission('directory.read')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.people.getPartner(id);
  }

  @Post()
  @RequirePermission('directory.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreatePartnerDto) {
    return this.people.createPartner(actor, body);
  }

  @Patch(':id')
  @RequirePermission('directory.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdatePartnerDto) {
    return this.people.updatePartner(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('directory.manage')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.people.removePartner(actor, id);
  }
}
