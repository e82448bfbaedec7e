import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { CreateTopicNodeDto, TopicsReorderDto, TopicNodeQuery, UpdateTopicNodeDto } from './dto/topic-node.dto';
import { FormQuery, ResolveTopicDto } from './dto/resolve.dto';
import { FormsService } from './forms.service';
import type { StepAttributeOverride } from './resolution/definitions';
import { TopicNodesService } from './topic-nodes.service';

@ApiTags('topics')
@ApiBearerAuth()
@Controller('topics')
export class TopicsController {
  constructor(
    private readonly nodes: TopicNodesService,
    private readonly forms: FormsService,
  ) {}

  @Get()
  @RequirePermission('topics.manage')
  list(@Query() query: TopicNodeQuery) {
    return this.nodes.list(query);
  }

  @Post()
  @RequirePermission('topics.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateTopicNodeDto) {
    return this.nodes.create(actor, body);
  }

  @Post('reorder')
  @HttpCode(200)
  @RequirePermission('topics.manage')
  reorder(@CurrentPrincipal() actor: Principal, @Body() body: TopicsReorderDto) {
    return this.nodes.reorder(actor, body.ids);
  }

  @Get(':id')
  @RequirePermission('topics.manage')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.nodes.get(id);
  }

  @Patch(':id')
  @RequirePermission('topics.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateTopicNodeDto) {
    return this.nodes.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('topics.manage')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.nodes.remove(actor, id);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @RequirePermission('topics.manage')
  activate(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.nodes.setActive(actor, id, true);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission('topics.manage')
  deactivate(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.nodes.setActive(actor, id, false);
  }

  /** The form of a topic for whoever is signed in (operators, the portal): no route-step overrides. */
  @Get(':id/form')
  form(@CurrentPrincipal() principal: Principal, @Param('id', ParseIntPipe) id: number, @Query() query: FormQuery) {
    return this.forms.resolve(id, { context: FormsService.principalContext(principal, query.step), step: null, includeInactive: query.includeInactive ?? false });
  }

  /** Resolves a topic for any context and step overrides: how administrators test a configuration. */
  @Post(':id/resolve')
  @HttpCode(200)
  @RequirePermission('topics.manage')
  resolve(@Param('id', ParseIntPipe) id: number, @Body() body: ResolveTopicDto) {
    const step = body.stepOverrides || body.stepId ? { stepId: body.stepId, attributes: (body.stepOverrides ?? {}) as Record<string, StepAttributeOverride> } : null;
    return this.forms.resolve(id, { context: body.context ?? {}, step, includeInactive: body.includeInactive ?? false });
  }
}
