import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { NOTIFICATION_EVENTS, TEMPLATE_LANGUAGES, TEMPLATE_VARIABLES } from './template-variables';
import { CreateTemplateDto, TemplateListQuery, UpdateTemplateDto } from './templates.dto';
import { TemplatesService } from './templates.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notification-templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @RequirePermission('notifications.manage')
  list(@Query() query: TemplateListQuery) {
    return this.templates.list(query);
  }

  /** What a template may say: the events, languages and variables, for the editor. */
  @Get('variables')
  @RequirePermission('notifications.manage')
  variables() {
    return { events: NOTIFICATION_EVENTS, languages: TEMPLATE_LANGUAGES, variables: TEMPLATE_VARIABLES };
  }

  @Get(':id')
  @RequirePermission('notifications.manage')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.templates.get(id);
  }

  @Post()
  @RequirePermission('notifications.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateTemplateDto) {
    return this.templates.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('notifications.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateTemplateDto) {
    return this.templates.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('notifications.manage')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.templates.remove(actor, id);
  }
}
