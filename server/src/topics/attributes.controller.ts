import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { AttributeGroupsService } from './attribute-groups.service';
import { AttributesService } from './attributes.service';
import { BindingsService } from './bindings.service';
import { CreateAttributeGroupDto, UpdateAttributeGroupDto } from './dto/attribute-group.dto';
import { AttributeQuery, CreateAttributeDto, UpdateAttributeDto } from './dto/attribute.dto';
import { CreateBindingDto, UpdateBindingDto } from './dto/binding.dto';
import { TopicsReorderDto } from './dto/topic-node.dto';

@ApiTags('attributes')
@ApiBearerAuth()
@Controller('attributes')
export class AttributesController {
  constructor(private readonly attributes: AttributesService) {}

  @Get()
  @RequirePermission('topics.manage')
  list(@Query() query: AttributeQuery) {
    return this.attributes.list(query);
  }

  @Post()
  @RequirePermission('topics.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateAttributeDto) {
    return this.attributes.create(actor, body);
  }

  @Post('reorder')
  @HttpCode(200)
  @RequirePermission('topics.manage')
  reorder(@CurrentPrincipal() actor: Principal, @Body() body: TopicsReorderDto) {
    return this.attributes.reorder(actor, body.ids);
  }

  @Get(':id')
  @RequirePermission('topics.manage')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.attributes.get(id);
  }

  @Patch(':id')
  @RequirePermission('topics.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateAttributeDto) {
    return this.attributes.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('topics.manage')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.attributes.remove(actor, id);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @RequirePermission('topics.manage')
  activate(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.attributes.setActive(actor, id, true);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission('topics.manage')
  deactivate(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.attributes.setActive(actor, id, false);
  }
}

@ApiTags('attributes')
@ApiBearerAuth()
@Controller('attribute-groups')
export class AttributeGroupsController {
  constructor(private readonly groups: AttributeGroupsService) {}

  @Get()
  @RequirePermission('topics.manage')
  list() {
    return this.groups.list();
  }

  @Post()
  @RequirePermission('topics.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateAttributeGroupDto) {
    return this.groups.create(actor, body);
  }

  @Post('reorder')
  @HttpCode(200)
  @RequirePermission('topics.manage')
  reorder(@CurrentPrincipal() actor: Principal, @Body() body: TopicsReorderDto) {
    return this.groups.reorder(actor, body.ids);
  }

  @Patch(':id')
  @RequirePermission('topics.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateAttributeGroupDto) {
    return this.groups.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('topics.manage')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.groups.remove(actor, id);
  }
}

/** Attributes bound to a topic tree node, with their per-node overrides. */
@ApiTags('topics')
@ApiBearerAuth()
@Controller('topics/:nodeId/attributes')
export class BindingsController {
  constructor(private readonly bindings: BindingsService) {}

  @Get()
  @RequirePermission('topics.manage')
  list(@Param('nodeId', ParseIntPipe) nodeId: number) {
    return this.bindings.list(nodeId);
  }

  @Post()
  @RequirePermission('topics.manage')
  create(@CurrentPrincipal() actor: Principal, @Param('nodeId', ParseIntPipe) nodeId: number, @Body() body: CreateBindingDto) {
    return this.bindings.create(actor, nodeId, body);
  }

  @Post('reorder')
  @HttpCode(200)
  @RequirePermission('topics.manage')
  reorder(@CurrentPrincipal() actor: Principal, @Param('nodeId', ParseIntPipe) nodeId: number, @Body() body: TopicsReorderDto) {
    return this.bindings.reorder(actor, nodeId, body.ids);
  }

  @Patch(':attributeId')
  @RequirePermission('topics.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('nodeId', ParseIntPipe) nodeId: number, @Param('attributeId', ParseIntPipe) attributeId: number, @Body() body: UpdateBindingDto) {
    return this.bindings.update(actor, nodeId, attributeId, body);
  }

  @Delete(':attributeId')
  @HttpCode(204)
  @RequirePermission('topics.manage')
  async remove(@CurrentPrincipal() actor: Principal, @Param('nodeId', ParseIntPipe) nodeId: number, @Param('attributeId', ParseIntPipe) attributeId: number) {
    await this.bindings.remove(actor, nodeId, attributeId);
  }
}
