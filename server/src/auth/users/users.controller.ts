import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UserView } from '../dto/user.view';
import type { Principal } from '../principal';
import { CurrentPrincipal, RequirePermission } from '../principal';
import { CreateUserDto, SetPasswordDto, UpdateUserDto, UserListQuery } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('users.manage')
  list(@Query() query: UserListQuery) {
    return this.users.list(query);
  }

  @Get(':id')
  @RequirePermission('users.manage')
  @ApiOkResponse({ type: UserView })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.users.findView(id);
  }

  @Post()
  @RequirePermission('users.manage')
  @ApiOkResponse({ type: UserView })
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateUserDto) {
    return this.users.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('users.manage')
  @ApiOkResponse({ type: UserView })
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateUserDto) {
    return this.users.update(actor, id, body);
  }

  @Post(':id/password')
  @HttpCode(204)
  @RequirePermission('users.manage')
  async setPassword(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: SetPasswordDto) {
    await this.users.setPassword(actor, id, body.password);
  }
}
