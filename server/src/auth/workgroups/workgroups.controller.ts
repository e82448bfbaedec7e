import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../principal';
import { CurrentPrincipal, RequirePermission } from '../principal';
import { CreateWorkgroupDto, SetMembersDto, UpdateWorkgroupDto } from './workgroups.dto';
import { WorkgroupsService } from './workgroups.service';

@ApiTags('workgroups')
@ApiBearerAuth()
@Controller('workgroups')
export class WorkgroupsController {
  constructor(private readonly workgroups: WorkgroupsService) {}

  @Get()
  @RequirePermission('users.manage')
  list() {
    return this.workgroups.list();
  }

  @Post()
  @RequirePermission('users.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateWorkgroupDto) {
    return this.workgroups.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('users.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateWorkgroupDto) {
    return this.workgroups.update(actor, id, body);
  }

  @Put(':id/members')
  @RequirePermission('users.manage')
  setMembers(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: SetMembersDto) {
    return this.workgroups.setMembers(actor, id, body.userIds);
  }
}
