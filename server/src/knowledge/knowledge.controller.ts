import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { CreateArticleDto, KnowledgeSearchQuery, PortalKnowledgeQuery, UpdateArticleDto } from './knowledge.dto';
import { KnowledgeService } from './knowledge.service';

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('knowledge')
export class KnowledgeController {
  constructor(private readonly knowledge: KnowledgeService) {}

  /** Published articles of every audience, for staff answering a request. */
  @Get('search')
  @RequirePermission('knowledge.read')
  search(@CurrentPrincipal() actor: Principal, @Query() query: KnowledgeSearchQuery) {
    return this.knowledge.search(actor, query);
  }

  /** Drafts too: the knowledge managers' list. */
  @Get('articles')
  @RequirePermission('knowledge.manage')
  list(@Query() query: KnowledgeSearchQuery) {
    return this.knowledge.list(query);
  }

  /** What an internal article can be meant for, to knowledge managers who may not manage users. */
  @Get('workgroups')
  @RequirePermission('knowledge.manage')
  workgroups() {
    return this.knowledge.workgroups();
  }

  @Get('articles/:id')
  @RequirePermission('knowledge.manage')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.knowledge.get(id);
  }

  @Post('articles')
  @RequirePermission('knowledge.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateArticleDto) {
    return this.knowledge.create(actor, body);
  }

  @Patch('articles/:id')
  @RequirePermission('knowledge.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateArticleDto) {
    return this.knowledge.update(actor, id, body);
  }

  @Delete('articles/:id')
  @HttpCode(204)
  @RequirePermission('knowledge.manage')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.knowledge.remove(actor, id);
  }
}

/** The portal's self-service: published customer articles, searched before a request is submitted. */
@ApiTags('portal')
@ApiBearerAuth()
@Controller('portal/knowledge')
export class PortalKnowledgeController {
  constructor(private readonly knowledge: KnowledgeService) {}

  @Get()
  @RequirePermission('portal.use')
  search(@Query() query: PortalKnowledgeQuery) {
    return this.knowledge.forCustomers(query);
  }

  @Get(':id')
  @RequirePermission('portal.use')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.knowledge.customerArticle(id);
  }
}
