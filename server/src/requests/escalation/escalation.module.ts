import { Body, Controller, HttpCode, Module, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../../auth/principal';
import { EscalateUpDto, EscalationService } from './escalation.service';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class EscalationController {
  constructor(private readonly escalation: EscalationService) {}

  /** Tells the management chain of the request's assignee (or queue) by mail. */
  @Post(':id/escalate-up')
  @HttpCode(201)
  @RequirePermission('requests.work')
  escalateUp(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: EscalateUpDto) {
    return this.escalation.escalateUp(actor, id, body);
  }
}

/** Vertical escalation of requests to the management chain. */
@Module({ controllers: [EscalationController], providers: [EscalationService] })
export class EscalationModule {}
