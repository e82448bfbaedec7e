import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { CreateScheduleDto, UpdateScheduleDto } from './reports.dto';
import { ReportSchedulesService } from './schedules/report-schedules.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/schedules')
export class ReportSchedulesController {
  constructor(private readonly schedules: ReportSchedulesService) {}

  @Get()
  @RequirePermission('reports.manage')
  @ApiOperation({ summary: "the caller's own report schedules" })
  list(@CurrentPrincipal() actor: Principal) {
    return this.schedules.list(actor);
  }

  @Post()
  @RequirePermission('reports.manage')
  @ApiOperation({ summary: 'mails a report as a file on a cron recurrence, run with the permissions of its owner (the caller)' })
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateScheduleDto) {
    return this.schedules.create(actor, body);
  }

  @Put(':id')
  @RequirePermission('reports.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateScheduleDto) {
    return this.schedules.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('reports.manage')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number): Promise<void> {
    await this.schedules.remove(actor, id);
  }
}
