import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { ClassificationService } from './classification.service';
import { CreateQuestionnaireDto, UpdateQuestionnaireDto, WalkQuestionnaireDto } from './questionnaire.dto';

@ApiTags('classification')
@ApiBearerAuth()
@Controller('classification')
export class ClassificationController {
  constructor(private readonly classification: ClassificationService) {}

  @Get('questionnaires')
  @RequirePermission('topics.manage')
  list() {
    return this.classification.list();
  }

  @Get('questionnaires/:id')
  @RequirePermission('topics.manage')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.classification.get(id);
  }

  @Post('questionnaires')
  @RequirePermission('topics.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateQuestionnaireDto) {
    return this.classification.create(actor, body);
  }

  @Patch('questionnaires/:id')
  @RequirePermission('topics.manage')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateQuestionnaireDto) {
    return this.classification.update(actor, id, body);
  }

  @Delete('questionnaires/:id')
  @HttpCode(204)
  @RequirePermission('topics.manage')
  remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.classification.remove(actor, id);
  }

  @Get('available')
  @RequirePermission('requests.create')
  @ApiOperation({ summary: 'the active questionnaires an operator may walk while registering a request' })
  available() {
    return this.classification.active();
  }

  @Post('questionnaires/:id/walk')
  @HttpCode(200)
  @RequirePermission('requests.create')
  @ApiOperation({ summary: 'one step: the answers that count, the next question, and the topic, problems and articles the answers suggest; changes nothing' })
  walk(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: WalkQuestionnaireDto) {
    return this.classification.walk(actor, id, body.answers);
  }
}
