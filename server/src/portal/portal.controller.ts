import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { ConfirmSolutionDto, ReasonedChangeDto } from '../requests/closure/closure.dto';
import { CreateCommentDto } from '../requests/dto/requests.dto';
import { PortalAccountsService } from './portal-accounts.service';
import { BindCustomerDto, PortalRequestDto, PortalRequestListQuery } from './portal.dto';
import { PortalFormsService } from './portal-forms.service';
import { PortalRequestsService } from './portal-requests.service';
import { IDEMPOTENCY } from '../common/idempotency-header';


/** The customer portal: a customer's user sees and acts on their own company's requests only; another's is 404. */
@ApiTags('portal')
@ApiBearerAuth()
@Controller('portal')
export class PortalController {
  constructor(
    private readonly forms: PortalFormsService,
    private readonly requests: PortalRequestsService,
  ) {}

  @Get('topics')
  @RequirePermission('portal.use')
  topics(@CurrentPrincipal() actor: Principal) {
    return this.forms.topics(actor);
  }

  /** The topic's form at its route's first step, hidden attributes left out. */
  @Get('topics/:id/form')
  @RequirePermission('portal.use')
  form(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.forms.form(actor, id);
  }

  @Post('requests')
  @IDEMPOTENCY
  @RequirePermission('portal.use')
  submit(@CurrentPrincipal() actor: Principal, @Body() body: PortalRequestDto, @Headers('idempotency-key') key?: string, @Headers('accept-language') language?: string) {
    return this.requests.submit(actor, body, { idempotencyKey: key, acceptLanguage: language });
  }

  @Get('requests')
  @RequirePermission('portal.use')
  list(@CurrentPrincipal() actor: Principal, @Query() query: PortalRequestListQuery) {
    return this.requests.list(actor, query);
  }

  @Get('requests/:id')
  @RequirePermission('portal.use')
  get(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.requests.detail(actor, id);
  }

  @Post('requests/:id/comments')
  @IDEMPOTENCY
  @RequirePermission('portal.use')
  comment(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: CreateCommentDto, @Headers('idempotency-key') key?: string) {
    return this.requests.comment(actor, id, body, key);
  }

  /** The solution helped: the request closes with the rating. */
  @Post('requests/:id/confirm')
  @HttpCode(200)
  @IDEMPOTENCY
  @RequirePermission('portal.use')
  confirm(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: ConfirmSolutionDto, @Headers('idempotency-key') key?: string) {
    return this.requests.confirm(actor, id, body, key);
  }

  /** The solution did not help: the request goes back to work with the reason. */
  @Post('requests/:id/reject')
  @HttpCode(200)
  @IDEMPOTENCY
  @RequirePermission('portal.use')
  reject(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: ReasonedChangeDto, @Headers('idempotency-key') key?: string) {
    return this.requests.reject(actor, id, body, key);
  }
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class CustomerUsersController {
  constructor(private readonly accounts: PortalAccountsService) {}

  /** Makes the user a client's customer: from then on they use the portal and nothing else. */
  @Put(':id/customer')
  @RequirePermission('users.manage')
  bind(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: BindCustomerDto) {
    return this.accounts.bind(actor, id, body);
  }
}
