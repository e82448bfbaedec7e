import { Module } from '@nestjs/common';
import { ClientAttachmentsController, RequestAttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';

/** Files on requests, comments and clients, with their text fed to search. */
@Module({
  controllers: [RequestAttachmentsController, ClientAttachmentsController],
  providers: [AttachmentsService],
})
export class AttachmentsModule {}
