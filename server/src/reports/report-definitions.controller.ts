import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../attachments/file-name';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { ReportDefinitionsService } from './definitions/report-definitions.service';
import { CreateReportDto, ExportQueryDto, RunReportDto, UpdateReportDto } from './reports.dto';
import { ReportRunsService } from './run/report-runs.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportDefinitionsController {
  constructor(
    private readonly definitions: ReportDefinitionsService,
    private readonly runs: ReportRunsService,
  ) {}

  @Get('definitions')
  @RequirePermission('reports.read')
  @ApiOperation({ summary: 'every report definition, built-in ones first' })
  list() {
    return this.definitions.list();
  }

  @Get('definitions/:id')
  @RequirePermission('reports.read')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.definitions.get(id);
  }

  @Post('definitions')
  @RequirePermission('reports.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateReportDto) {
    return this.definitions.create(actor, body);
  }

  @Put('definitions/:id')
  @RequirePermission('reports.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateReportDto) {
    return this.definitions.update(actor, id, body);
  }

  @Delete('definitions/:id')
  @HttpCode(204)
  @RequirePermission('reports.manage')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number): Promise<void> {
    await this.definitions.remove(actor, id);
  }

  @Get('definitions/:id/run')
  @RequirePermission('reports.read')
  @ApiOperation({ summary: 'runs the report over the requests the caller may read: columns and rows (at most 10,000; `truncated` says when cut)' })
  run(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.runs.run(actor, id);
  }

  @Post('run')
  @HttpCode(200)
  @RequirePermission('reports.read')
  @ApiOperation({ summary: 'runs a definition without storing it' })
  runAdHoc(@CurrentPrincipal() actor: Principal, @Body() body: RunReportDto) {
    return this.runs.runAdHoc(actor, body.definition);
  }

  @Get('definitions/:id/export')
  @RequirePermission('reports.read')
  @ApiOperation({ summary: 'the report as an xlsx, CSV (UTF-8 with BOM) or HTML file, at most 10,000 rows (a note says when cut)' })
  async export(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Query() query: ExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.runs.export(actor, id, query.format);
    await reply.headers({ 'content-type': file.contentType, 'content-disposition': contentDisposition(file.filename), 'x-content-type-options': 'nosniff' }).send(file.content);
  }
}
