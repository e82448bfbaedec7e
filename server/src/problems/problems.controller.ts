import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { CreateProblemDto, ProblemEndingDto, ProblemLinksDto, ProblemListQuery, ProblemReasonDto, ProblemSolutionDto } from './problems.dto';
import { ProblemsService } from './problems.service';
import { IDEMPOTENCY } from '../common/idempotency-header';


@ApiTags('problems')
@ApiBearerAuth()
@Controller('problems')
export class ProblemsController {
  constructor(private readonly problems: ProblemsService) {}

  @Post()
  @IDEMPOTENCY
  @RequirePermission('problems.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateProblemDto, @Headers('idempotency-key') key?: string) {
    return this.problems.create(actor, body, key);
  }

  @Get()
  @RequirePermission('requests.read')
  list(@Query() query: ProblemListQuery) {
    return this.problems.list(query);
  }

  /** The problem with the linked requests the caller may see. */
  @Get(':id')
  @RequirePermission('requests.read')
  get(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.problems.get(actor, id);
  }

  @Post(':id/requests')
  @HttpCode(200)
  @IDEMPOTENCY
  @RequirePermission('problems.manage')
  link(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: ProblemLinksDto, @Headers('idempotency-key') key?: string) {
    return this.problems.link(actor, id, body, key);
  }

  @Post(':id/requests/unlink')
  @HttpCode(200)
  @IDEMPOTENCY
  @RequirePermission('problems.manage')
  unlink(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: ProblemLinksDto, @Headers('idempotency-key') key?: string) {
    return this.problems.unlink(actor, id, body, key);
  }

  @Put(':id/solution')
  @IDEMPOTENCY
  @RequirePermission('problems.manage')
  setSolution(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: ProblemSolutionDto, @Headers('idempotency-key') key?: string) {
    return this.problems.setSolution(actor, id, body, key);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @IDEMPOTENCY
  @RequirePermission('problems.manage')
  resolve(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: ProblemReasonDto, @Headers('idempotency-key') key?: string) {
    return this.problems.resolve(actor, id, body, key);
  }

  @Post(':id/end')
  @HttpCode(200)
  @IDEMPOTENCY
  @RequirePermission('problems.manage')
  @ApiOperation({ summary: 'ends the problem: closed (its fix held), unresolvable, or erroneous (its requests unlinked)' })
  end(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: ProblemEndingDto, @Headers('idempotency-key') key?: string) {
    return this.problems.end(actor, id, body, key);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @IDEMPOTENCY
  @RequirePermission('problems.manage')
  reopen(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: ProblemReasonDto, @Headers('idempotency-key') key?: string) {
    return this.problems.reopen(actor, id, body, key);
  }
}
