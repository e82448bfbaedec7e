import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../principal';
import { CurrentPrincipal, RequirePermission } from '../principal';
import { CreateTokenDto, IssuedTokenView, TokenView } from './tokens.dto';
import { TokensService } from './tokens.service';

@ApiTags('api tokens')
@ApiBearerAuth()
@Controller('tokens')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Get()
  @RequirePermission('tokens.manage')
  @ApiOkResponse({ type: [TokenView] })
  list() {
    return this.tokens.list();
  }

  @Post()
  @RequirePermission('tokens.manage')
  @ApiOkResponse({ type: IssuedTokenView })
  issue(@CurrentPrincipal() actor: Principal, @Body() body: CreateTokenDto) {
    return this.tokens.issue(actor, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('tokens.manage')
  async revoke(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.tokens.revoke(actor, id);
  }
}
