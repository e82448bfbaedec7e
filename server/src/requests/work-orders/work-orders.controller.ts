import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../../auth/principal';
import { BindPartnerDto, CreateWorkOrderDto, WorkOrderListQuery, WorkOrderStatusDto } from './work-orders.dto';
import { WorkOrdersService } from './work-orders.service';

@ApiTags('work-orders')
@ApiBearerAuth()
@Controller('requests')
export class RequestWorkOrdersController {
  constructor(private readonly orders: WorkOrdersService) {}

  @Post(':id/work-orders')
  @RequirePermission('requests.work')
  create(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: CreateWorkOrderDto) {
    return this.orders.create(actor, id, body);
  }

  @Get(':id/work-orders')
  @RequirePermission('requests.read')
  list(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.orders.ofRequest(actor, id);
  }
}

@ApiTags('work-orders')
@ApiBearerAuth()
@Controller('work-orders')
export class WorkOrdersController {
  constructor(private readonly orders: WorkOrdersService) {}

  /** A partner's user gets their organisation's orders; others the orders of requests they may read. */
  @Get()
  @RequirePermission('work-orders.read')
  list(@CurrentPrincipal() actor: Principal, @Query() query: WorkOrderListQuery) {
    return this.orders.list(actor, query);
  }

  @Get(':id')
  @RequirePermission('work-orders.read')
  get(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.orders.get(actor, id);
  }

  @Post(':id/status')
  @HttpCode(200)
  @RequirePermission('work-orders.update')
  changeStatus(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: WorkOrderStatusDto) {
    return this.orders.changeStatus(actor, id, body);
  }
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class PartnerUsersController {
  constructor(private readonly orders: WorkOrdersService) {}

  /** Makes the user a partner organisation's user: from then on they see that partner's work orders and nothing else. */
  @Put(':id/partner')
  @RequirePermission('users.manage')
  bind(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: BindPartnerDto) {
    return this.orders.bindPartner(actor, id, body.partnerId ?? null);
  }
}
