import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { CreateQueueDto, QueueListQuery, QueuePeopleDto, UpdateQueueDto } from './queues.dto';
import { QueuesService } from './queues.service';

@ApiTags('queues')
@ApiBearerAuth()
@Controller('queues')
export class QueuesController {
  constructor(private readonly queues: QueuesService) {}

  @Get()
  @RequirePermission('queues.read')
  list(@CurrentPrincipal() actor: Principal, @Query() query: QueueListQuery) {
    return this.queues.list(actor, query);
  }

  @Get(':id')
  @RequirePermission('queues.read')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.queues.get(id);
  }

  /** The queue's staff (members, through workgroups, administrators) with their names: for its members, or with requests.read.all. */
  @Get(':id/members')
  @RequirePermission('requests.read')
  members(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.queues.members(actor, id);
  }

  @Post()
  @RequirePermission('queues.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateQueueDto) {
    return this.queues.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('queues.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateQueueDto) {
    return this.queues.update(actor, id, body);
  }

  @Put(':id/people')
  @RequirePermission('queues.manage')
  setPeople(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: QueuePeopleDto) {
    return this.queues.setPeople(actor, id, body);
  }
}
