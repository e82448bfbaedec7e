import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, Public } from '../auth/principal';
import { MyNotificationsQuery, PreferencesDto, StreamQuery } from './me.dto';
import { MyNotificationsService } from './my-notifications.service';
import { NotificationStreams } from './notification-stream';

/** The signed-in user's own notifications and channel preferences: no permission beyond being signed in. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me')
export class MyNotificationsController {
  constructor(
    private readonly notifications: MyNotificationsService,
    private readonly streams: NotificationStreams,
  ) {}

  @Get('notifications')
  list(@CurrentPrincipal() actor: Principal, @Query() query: MyNotificationsQuery) {
    return this.notifications.list(actor, query);
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  readAll(@CurrentPrincipal() actor: Principal) {
    return this.notifications.markAllRead(actor);
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  read(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.notifications.markRead(actor, id);
  }

  /** EventSource cannot send an Authorization header: the console trades its session for a one-time ticket first. */
  @Post('notifications/stream-ticket')
  @HttpCode(201)
  async ticket(@CurrentPrincipal() actor: Principal) {
    const { ticket, expiresAt } = await this.notifications.issueTicket(actor);
    return { ticket, expiresAt, url: `/api/me/notifications/stream?ticket=${encodeURIComponent(ticket)}` };
  }

  /**
   * Server-sent events: `ready` (with the unread count), then `notification` per new row. Public to the guard
   * because the ticket in the query string is the credential: spent on first use and dead after a minute, so
   * a URL that reaches a log or a proxy is worthless by then; a session token never appears in a URL.
   */
  @Public()
  @Get('notifications/stream')
  @ApiProduces('text/event-stream')
  async stream(@Query() query: StreamQuery, @Headers('last-event-id') lastEventId: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const userId = await this.notifications.redeemTicket(query.ticket);
    reply.hijack();
    const resumeAfter = /^\d+$/.test(lastEventId ?? '') ? Number(lastEventId) : null;
    await this.streams.serve(reply.raw, userId, resumeAfter);
  }

  @Get('notification-preferences')
  preferences(@CurrentPrincipal() actor: Principal) {
    return this.notifications.preferences(actor.userId);
  }

  @Put('notification-preferences')
  setPreferences(@CurrentPrincipal() actor: Principal, @Body() body: PreferencesDto) {
    return this.notifications.setPreferences(actor, body);
  }
}
