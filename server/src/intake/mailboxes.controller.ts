import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { CreateMailboxDto, UpdateMailboxDto } from './mailboxes.dto';
import { MailboxesService } from './mailboxes.service';

/** IMAP mailboxes that e-mail intake polls; their passwords are written, never read back. */
@ApiTags('mail intake')
@ApiBearerAuth()
@Controller('mailboxes')
export class MailboxesController {
  constructor(private readonly mailboxes: MailboxesService) {}

  @Get()
  @RequirePermission('intake.configure')
  list() {
    return this.mailboxes.list();
  }

  @Get(':id')
  @RequirePermission('intake.configure')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.mailboxes.get(id);
  }

  @Get(':id/messages')
  @RequirePermission('intake.configure')
  messages(@Param('id', ParseIntPipe) id: number) {
    return this.mailboxes.messages(id);
  }

  @Post()
  @RequirePermission('intake.configure')
  create(@CurrentPrincipal() actor: Principal, @Body() body: CreateMailboxDto) {
    return this.mailboxes.create(actor, body);
  }

  @Post(':id/poll')
  @HttpCode(202)
  @RequirePermission('intake.configure')
  async poll(@Param('id', ParseIntPipe) id: number) {
    await this.mailboxes.pollNow(id);
  }

  @Patch(':id')
  @RequirePermission('intake.configure')
  update(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateMailboxDto) {
    return this.mailboxes.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('intake.configure')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.mailboxes.remove(actor, id);
  }
}
