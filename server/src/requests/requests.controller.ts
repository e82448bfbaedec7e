import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { DiscussionsService } from './discussions.service';
import { AssignDto, CreateCommentDto, CreateContactDto, CreateDiscussionDto, HandBackDto, RequestListQueryDto, TransitionDto, UpdateAttributesDto, VersionedDto } from './dto/requests.dto';
import { IntakeService } from './intake.service';
import { ProcessingService } from './processing.service';
import { RequestViewsService } from './request-views.service';
import { IDEMPOTENCY } from '../common/idempotency-header';


@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contacts')
export class ContactsController {
  constructor(private readonly intake: IntakeService) {}

  @Post()
  @IDEMPOTENCY
  @RequirePermission('requests.create')
  register(@CurrentPrincipal() actor: Principal, @Body() body: CreateContactDto, @Headers('idempotency-key') key?: string, @Headers('accept-language') language?: string) {
    return this.intake.register(actor, body, { idempotencyKey: key, acceptLanguage: language });
  }
}

@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class RequestsController {
  constructor(
    private readonly views: RequestViewsService,
    private readonly processing: ProcessingService,
    private readonly discussions: DiscussionsService,
  ) {}

  @Get()
  @RequirePermission('requests.read')
  list(@CurrentPrincipal() actor: Principal, @Query() query: RequestListQueryDto) {
    return this.views.list(actor, query);
  }

  @Get('counts')
  @RequirePermission('requests.read')
  counts(@CurrentPrincipal() actor: Principal) {
    return this.views.counts(actor, false);
  }

  /** Every queue's counts: the manager's overview. */
  @Get('overview')
  @RequirePermission('requests.read.all')
  overview(@CurrentPrincipal() actor: Principal) {
    return this.views.counts(actor, true);
  }

  @Get(':id')
  @RequirePermission('requests.read')
  card(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.views.card(actor, id);
  }

  @Get(':id/transitions')
  @RequirePermission('requests.read')
  async transitions(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return (await this.views.card(actor, id)).transitions;
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @IDEMPOTENCY
  @RequirePermission('requests.work')
  transition(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: TransitionDto, @Headers('idempotency-key') key?: string, @Headers('accept-language') language?: string) {
    return this.processing.transition(actor, id, body, { idempotencyKey: key, acceptLanguage: language, path: `/api/requests/${id}/transitions` });
  }

  @Post(':id/accept')
  @HttpCode(200)
  @IDEMPOTENCY
  @RequirePermission('requests.work')
  accept(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: VersionedDto, @Headers('idempotency-key') key?: string) {
    return this.processing.accept(actor, id, body, { idempotencyKey: key, path: `/api/requests/${id}/accept` });
  }

  @Post(':id/hand-back')
  @HttpCode(200)
  @IDEMPOTENCY
  @RequirePermission('requests.work')
  handBack(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: HandBackDto, @Headers('idempotency-key') key?: string) {
    return this.processing.handBack(actor, id, body, { idempotencyKey: key, path: `/api/requests/${id}/hand-back` });
  }

  @Post(':id/assign')
  @HttpCode(200)
  @IDEMPOTENCY
  @RequirePermission('requests.work')
  assign(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: AssignDto, @Headers('idempotency-key') key?: string) {
    return this.processing.assign(actor, id, body, { idempotencyKey: key, path: `/api/requests/${id}/assign` });
  }

  @Post(':id/attributes')
  @HttpCode(200)
  @IDEMPOTENCY
  @RequirePermission('requests.work')
  updateAttributes(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateAttributesDto, @Headers('idempotency-key') key?: string, @Headers('accept-language') language?: string) {
    return this.processing.updateAttributes(actor, id, body, { idempotencyKey: key, acceptLanguage: language, path: `/api/requests/${id}/attributes` });
  }

  @Post(':id/discussions')
  @IDEMPOTENCY
  @RequirePermission('requests.work')
  openDiscussion(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: CreateDiscussionDto, @Headers('idempotency-key') key?: string) {
    return this.discussions.open(actor, id, body, key);
  }

  @Post(':id/discussions/:discussionId/comments')
  @IDEMPOTENCY
  @RequirePermission('requests.work')
  comment(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Param('discussionId', ParseIntPipe) discussionId: number, @Body() body: CreateCommentDto, @Headers('idempotency-key') key?: string) {
    return this.discussions.comment(actor, id, discussionId, body, key);
  }
}
