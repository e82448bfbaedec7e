import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('fields')
  @RequirePermission('reports.read')
  @ApiOperation({ summary: 'what report conditions may name for the caller: request fields, and the dynamic attributes shown to them (as attr.CODE)' })
  fields(@CurrentPrincipal() actor: Principal) {
    return this.reports.fields(actor);
  }

  @Get('dashboard')
  @RequirePermission('reports.read')
  @ApiOperation({ summary: 'backlog per queue, open requests by age, breaches per queue (30 days), open requests per assignee, customer ratings (30 days) — over the queues the caller may read' })
  dashboard(@CurrentPrincipal() actor: Principal) {
    return this.reports.dashboard(actor);
  }
}
