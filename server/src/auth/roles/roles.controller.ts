import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '../permissions';
import type { Principal } from '../principal';
import { CurrentPrincipal, RequirePermission } from '../principal';
import { CreateRoleDto, PermissionView, UpdateRoleDto } from './roles.dto';
import { RolesService } from './roles.service';

@ApiTags('roles')
@ApiBearerAuth()
@Controller()
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  /** Any signed-in user may read the catalogue of permissions; granting them is guarded below. */
  @Get('permissions')
  @ApiOkResponse({ type: [PermissionView] })
  permissions(): PermissionView[] {
    return Object.entries(PERMISSIONS).map(([code, description]) => ({ code, description }));
  }

  @Get('roles')
  @RequirePermission('roles.manage')
  list() {
    return this.roles.list();
  }

  @Post('roles')
  @RequirePermission('roles.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateRoleDto) {
    return this.roles.create(actor, body);
  }

  @Patch('roles/:id')
  @RequirePermission('roles.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateRoleDto) {
    return this.roles.update(actor, id, body);
  }

  @Delete('roles/:id')
  @HttpCode(204)
  @RequirePermission('roles.manage')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.roles.remove(actor, id);
  }
}
