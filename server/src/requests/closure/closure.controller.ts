import { Body, Controller, Headers, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../../auth/principal';
import { ConfirmSolutionDto, ReasonedChangeDto } from './closure.dto';
import { ClosureService } from './closure.service';
import { IDEMPOTENCY } from '../../common/idempotency-header';


@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class ClosureController {
  constructor(private readonly closure: ClosureService) {}

  /** The customer accepts the solution (staff record it for them): the request closes with the rating. */
  @Post(':id/confirm')
  @HttpCode(200)
  @IDEMPOTENCY
  @RequirePermission('requests.work')
  confirm(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: ConfirmSolutionDto, @Headers('idempotency-key') key?: string) {
    return this.closure.confirm({ kind: 'staff', principal: actor }, id, body, key);
  }

  /** The solution does not help: back to the route's reopen step. */
  @Post(':id/reject-solution')
  @HttpCode(200)
  @IDEMPOTENCY
  @RequirePermission('requests.work')
  rejectSolution(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: ReasonedChangeDto, @Headers('idempotency-key') key?: string) {
    return this.closure.rejectSolution({ kind: 'staff', principal: actor }, id, body, key);
  }

  /** A closed request back to work, by an administrator of its queue. */
  @Post(':id/reopen')
  @HttpCode(200)
  @IDEMPOTENCY
  @RequirePermission('requests.work')
  reopen(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: ReasonedChangeDto, @Headers('idempotency-key') key?: string) {
    return this.closure.reopen(actor, id, body, key);
  }
}
