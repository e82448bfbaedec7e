import { Module } from '@nestjs/common';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { AttachmentPurge } from './attachment-purge';
import { ClientAttachmentsController, RequestAttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';

/** Files on requests, comments and clients, with their text fed to search; deleted ones purged after a while. */
@Module({
  imports: [SchedulerModule],
  controllers: [RequestAttachmentsController, ClientAttachmentsController],
  providers: [AttachmentsService, AttachmentPurge],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
