import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { CreateRouteDto, RouteListQuery, UpdateRouteDto } from './dto/route.dto';
import { DiffQuery, MigrationDto, SaveDraftDto, SimulateDto } from './dto/version.dto';
import { RouteMigrationService } from './route-migration.service';
import { RouteVersionsService } from './route-versions.service';
import { RoutesService } from './routes.service';

@ApiTags('routes')
@ApiBearerAuth()
@Controller('routes')
export class RoutesController {
  constructor(
    private readonly routes: RoutesService,
    private readonly versions: RouteVersionsService,
    private readonly migration: RouteMigrationService,
  ) {}

  @Get()
  @RequirePermission('routes.manage')
  list(@Query() query: RouteListQuery) {
    return this.routes.list(query);
  }

  @Get(':id')
  @RequirePermission('routes.manage')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.routes.get(id);
  }

  @Post()
  @RequirePermission('routes.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateRouteDto) {
    return this.routes.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('routes.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateRouteDto) {
    return this.routes.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('routes.manage')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.routes.remove(actor, id);
  }

  @Put(':id/draft')
  @RequirePermission('routes.manage')
  saveDraft(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: SaveDraftDto) {
    return this.versions.saveDraft(actor, id, body);
  }

  @Delete(':id/draft')
  @HttpCode(204)
  @RequirePermission('routes.manage')
  async discardDraft(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.versions.discardDraft(actor, id);
  }

  @Get(':id/versions')
  @RequirePermission('routes.manage')
  listVersions(@Param('id', ParseIntPipe) id: number) {
    return this.versions.list(id);
  }

  @Get(':id/diff')
  @RequirePermission('routes.manage')
  diff(@Param('id', ParseIntPipe) id: number, @Query() query: DiffQuery) {
    return this.versions.diff(id, query);
  }

  @Get(':id/versions/:version')
  @RequirePermission('routes.manage')
  getVersion(@Param('id', ParseIntPipe) id: number, @Param('version', ParseIntPipe) version: number) {
    return this.versions.get(id, version);
  }

  @Get(':id/versions/:version/definition')
  @RequirePermission('routes.manage')
  async exportJson(@Param('id', ParseIntPipe) id: number, @Param('version', ParseIntPipe) version: number) {
    return (await this.versions.get(id, version)).definition;
  }

  @Get(':id/versions/:version/bpmn')
  @ApiProduces('application/xml')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @RequirePermission('routes.manage')
  async exportBpmn(@Param('id', ParseIntPipe) id: number, @Param('version', ParseIntPipe) version: number, @Res({ passthrough: true }) reply: FastifyReply) {
    const exported = await this.versions.bpmn(id, version);
    void reply.header('Content-Disposition', `attachment; filename="${exported.code}-v${exported.version}.bpmn"`);
    return exported.xml;
  }

  @Post(':id/versions/:version/validate')
  @HttpCode(200)
  @RequirePermission('routes.manage')
  validate(@Param('id', ParseIntPipe) id: number, @Param('version', ParseIntPipe) version: number) {
    return this.versions.validate(id, version);
  }

  @Post(':id/versions/:version/publish')
  @HttpCode(200)
  @RequirePermission('routes.manage')
  publish(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Param('version', ParseIntPipe) version: number) {
    return this.versions.publish(actor, id, version);
  }

  @Post(':id/versions/:version/simulate')
  @HttpCode(200)
  @RequirePermission('routes.manage')
  simulate(@Param('id', ParseIntPipe) id: number, @Param('version', ParseIntPipe) version: number, @Body() body: SimulateDto) {
    return this.versions.simulate(id, version, body);
  }

  @Post(':id/migrations/dry-run')
  @HttpCode(200)
  @RequirePermission('routes.manage')
  planMigration(@Param('id', ParseIntPipe) id: number, @Body() body: MigrationDto) {
    return this.migration.dryRun(id, body);
  }

  @Post(':id/migrations')
  @HttpCode(200)
  @RequirePermission('routes.manage')
  migrate(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: MigrationDto) {
    return this.migration.apply(actor, id, body);
  }
}
