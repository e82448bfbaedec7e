import { Body, Controller, Get, Headers, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { IDEMPOTENCY } from '../common/idempotency-header';
import { ArticleLinksService } from './article-links.service';
import { SetArticlesDto } from './knowledge.dto';

/** Articles linked from a request's or a problem's card. */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller()
export class ArticleLinksController {
  constructor(private readonly links: ArticleLinksService) {}

  @Get('requests/:id/articles')
  @RequirePermission('requests.read')
  @ApiOperation({ summary: "the articles linked to the request that the caller may read" })
  ofRequest(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.links.ofRequest(actor, id);
  }

  @Put('requests/:id/articles')
  @IDEMPOTENCY
  @RequirePermission('requests.work')
  setForRequest(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: SetArticlesDto, @Headers('idempotency-key') key?: string) {
    return this.links.setForRequest(actor, id, body.articleIds, key);
  }

  @Get('problems/:id/articles')
  @RequirePermission('requests.read')
  @ApiOperation({ summary: "the articles linked to the problem that the caller may read" })
  ofProblem(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.links.ofProblem(actor, id);
  }

  @Put('problems/:id/articles')
  @IDEMPOTENCY
  @RequirePermission('problems.manage')
  setForProblem(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: SetArticlesDto, @Headers('idempotency-key') key?: string) {
    return this.links.setForProblem(actor, id, body.articleIds, key);
  }
}
