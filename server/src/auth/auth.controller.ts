import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto } from './dto/login.dto';
import { SignedInView, UserView } from './dto/user.view';
import type { Principal } from './principal';
import { CurrentPrincipal, Public } from './principal';
import { UsersService } from './users/users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: SignedInView })
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<SignedInView> {
    const signedIn = await this.auth.login(body.login, body.password, request.ip);
    const user = await this.users.findView(signedIn.user.id);
    return { token: signedIn.token, expiresAt: signedIn.expiresAt, user };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.auth.logout(principal);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  async me(@CurrentPrincipal() principal: Principal): Promise<UserView> {
    const view = await this.users.findView(principal.userId);
    // An API token may be scoped below its user's roles; report what this caller can actually do.
    return { ...view, permissions: [...principal.permissions].sort() };
  }

  @Post('password')
  @HttpCode(204)
  @ApiBearerAuth()
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(principal.userId, body.currentPassword, body.newPassword);
  }
}

