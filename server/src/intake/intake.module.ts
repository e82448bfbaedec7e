import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { ClosureModule } from '../requests/closure/closure.module';
import { RequestsModule } from '../requests/requests.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { MailIntakeService } from './mail-intake.service';
import { MailPollingService } from './mail-polling.service';
import { MailboxesController } from './mailboxes.controller';
import { MailboxesService } from './mailboxes.service';

/** E-mail intake: mailboxes polled over IMAP, each message a new request or a comment on the request it answers. */
@Module({
  imports: [SchedulerModule, RequestsModule, ClosureModule, AttachmentsModule],
  controllers: [MailboxesController],
  providers: [MailboxesService, MailIntakeService, MailPollingService],
})
export class MailIntakeModule {}
