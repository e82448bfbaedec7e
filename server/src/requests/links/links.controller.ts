import { Body, Controller, Delete, Headers, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../../auth/principal';
import { AddLinkDto, SetTagsDto } from './links.dto';
import { LinksService } from './links.service';
import { IDEMPOTENCY } from '../../common/idempotency-header';


/** Links to other requests (duplicate of, related to) and tags, written from the request's card. */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class LinksController {
  constructor(private readonly links: LinksService) {}

  @Post(':id/links')
  @IDEMPOTENCY
  @RequirePermission('requests.work')
  add(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: AddLinkDto, @Headers('idempotency-key') key?: string) {
    return this.links.add(actor, id, body, key);
  }

  @Delete(':id/links/:linkId')
  @HttpCode(204)
  @IDEMPOTENCY
  @RequirePermission('requests.work')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Param('linkId', ParseIntPipe) linkId: number, @Headers('idempotency-key') key?: string) {
    await this.links.remove(actor, id, linkId, key);
  }

  @Put(':id/tags')
  @IDEMPOTENCY
  @RequirePermission('requests.work')
  setTags(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: SetTagsDto, @Headers('idempotency-key') key?: string) {
    return this.links.setTags(actor, id, body, key);
  }
}
