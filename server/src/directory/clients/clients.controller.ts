import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../../auth/principal';
import { ClientListQuery, CreateClientDto, NoteDto, UpdateClientDto } from './clients.dto';
import { ClientsService } from './clients.service';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @RequirePermission('directory.read')
  @ApiOperation({ summary: 'clients and prospects, searched by name, phone, e-mail or contract number' })
  list(@Query() query: ClientListQuery) {
    return this.clients.list(query);
  }

  @Get(':id')
  @RequirePermission('directory.read')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.clients.get(id);
  }

  @Post()
  @RequirePermission('directory.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateClientDto) {
    return this.clients.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('directory.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateClientDto) {
    return this.clients.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('directory.manage')
  @ApiOperation({ summary: 'removes a client entered by mistake; one with requests is refused (409): deactivate it instead' })
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.clients.remove(actor, id);
  }

  @Post(':id/convert')
  @HttpCode(200)
  @RequirePermission('directory.manage')
  @ApiOperation({ summary: 'turns a prospect into a client' })
  convert(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.clients.convert(actor, id);
  }

  @Get(':id/notes')
  @RequirePermission('directory.read')
  notes(@Param('id', ParseIntPipe) id: number) {
    return this.clients.notes(id);
  }

  @Post(':id/notes')
  @RequirePermission('directory.manage')
  addNote(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: NoteDto) {
    return this.clients.addNote(actor, id, body.text);
  }
}
