import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { SlaConfigService } from './sla-config.service';
import { SlaRequestsService } from './sla-requests.service';
import { BreachListQuery, CreateCalendarDto, CreatePolicyDto, DeadlineChangeDto, UpdateCalendarDto, UpdatePolicyDto, WhatIfDto } from './sla.dto';

@ApiTags('sla')
@ApiBearerAuth()
@Controller('sla')
export class SlaController {
  constructor(
    private readonly config: SlaConfigService,
    private readonly requests: SlaRequestsService,
  ) {}

  @Get('calendars')
  @RequirePermission('sla.read')
  listCalendars() {
    return this.config.listCalendars();
  }

  @Get('calendars/:id')
  @RequirePermission('sla.read')
  getCalendar(@Param('id', ParseIntPipe) id: number) {
    return this.config.getCalendar(id);
  }

  @Post('calendars')
  @RequirePermission('sla.manage')
  createCalendar(@CurrentPrincipal() actor: Principal, @Body() body: CreateCalendarDto) {
    return this.config.createCalendar(actor, body);
  }

  @Patch('calendars/:id')
  @RequirePermission('sla.manage')
  updateCalendar(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateCalendarDto) {
    return this.config.updateCalendar(actor, id, body);
  }

  @Get('policies')
  @RequirePermission('sla.read')
  listPolicies() {
    return this.config.listPolicies();
  }

  @Get('policies/:id')
  @RequirePermission('sla.read')
  getPolicy(@Param('id', ParseIntPipe) id: number) {
    return this.config.getPolicy(id);
  }

  @Post('policies')
  @RequirePermission('sla.manage')
  createPolicy(@CurrentPrincipal() actor: Principal, @Body() body: CreatePolicyDto) {
    return this.config.createPolicy(actor, body);
  }

  @Patch('policies/:id')
  @RequirePermission('sla.manage')
  updatePolicy(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdatePolicyDto) {
    return this.config.updatePolicy(actor, id, body);
  }

  @Get('requests/:requestId/clocks')
  @RequirePermission('sla.read')
  clocks(@CurrentPrincipal() actor: Principal, @Param('requestId', ParseIntPipe) requestId: number) {
    return this.requests.clocksOf(actor, requestId);
  }

  @Post('requests/:requestId/what-if')
  @HttpCode(200)
  @RequirePermission('sla.read')
  whatIf(@CurrentPrincipal() actor: Principal, @Param('requestId', ParseIntPipe) requestId: number, @Body() body: WhatIfDto) {
    return this.requests.whatIf(actor, requestId, body);
  }

  @Post('requests/:requestId/deadline')
  @HttpCode(200)
  @RequirePermission('sla.deadline')
  changeDeadline(@CurrentPrincipal() actor: Principal, @Param('requestId', ParseIntPipe) requestId: number, @Body() body: DeadlineChangeDto) {
    return this.requests.changeDeadline(actor, requestId, body);
  }

  @Get('breaches')
  @RequirePermission('sla.read')
  breaches(@CurrentPrincipal() actor: Principal, @Query() query: BreachListQuery) {
    return this.requests.breaches(actor, query);
  }
}
