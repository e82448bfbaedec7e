import { Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import type { AttachmentScope } from './attachment-owner';
import { AttachmentsService } from './attachments.service';
import { contentDisposition } from './file-name';

const UPLOAD_BODY = ApiBody({
  description: 'multipart/form-data: an optional `attributes` field (a JSON object of strings) first, then one `file`',
  schema: { type: 'object', required: ['file'], properties: { attributes: { type: 'string', example: '{"source":"scanner"}' }, file: { type: 'string', format: 'binary' } } },
});

/** Sends a stored file: its sniffed type, a safe attachment name, and nothing a browser may run or re-guess. */
function sendFile(reply: FastifyReply, { attachment, content }: Awaited<ReturnType<AttachmentsService['open']>>) {
  const type = attachment.contentType.startsWith('text/') ? `${attachment.contentType}; charset=utf-8` : attachment.contentType;
  return reply
    .headers({
      'content-type': type,
      'content-length': String(attachment.size),
      'content-disposition': contentDisposition(attachment.fileName),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-cache',
      etag: `"${attachment.sha256}"`,
    })
    .send(content);
}

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('requests/:id')
export class RequestAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post('attachments')
  @ApiConsumes('multipart/form-data')
  @UPLOAD_BODY
  @RequirePermission('requests.work')
  @ApiOperation({ summary: 'attaches a file to a request (streamed; 413 past DOCKET_ATTACHMENT_MAX_BYTES)' })
  upload(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.attachments.upload(actor, scope(id), { request, reply });
  }

  @Post('comments/:commentId/attachments')
  @ApiConsumes('multipart/form-data')
  @UPLOAD_BODY
  @RequirePermission('requests.work')
  @ApiOperation({ summary: 'attaches a file to a comment of the request' })
  uploadToComment(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Param('commentId', ParseIntPipe) commentId: number, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.attachments.upload(actor, scope(id), { request, reply }, commentId);
  }

  @Get('attachments')
  @RequirePermission('requests.read')
  @ApiOperation({ summary: "the request's attachments and its comments'" })
  list(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.attachments.list(actor, scope(id));
  }

  @Get('attachments/:attachmentId')
  @RequirePermission('requests.read')
  get(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Param('attachmentId', ParseIntPipe) attachmentId: number) {
    return this.attachments.get(actor, scope(id), attachmentId);
  }

  @Get('attachments/:attachmentId/content')
  @ApiProduces('application/octet-stream')
  @RequirePermission('requests.read')
  async download(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Param('attachmentId', ParseIntPipe) attachmentId: number, @Res() reply: FastifyReply) {
    return sendFile(reply, await this.attachments.open(actor, scope(id), attachmentId));
  }

  @Delete('attachments/:attachmentId')
  @HttpCode(204)
  @RequirePermission('requests.work')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Param('attachmentId', ParseIntPipe) attachmentId: number) {
    await this.attachments.remove(actor, scope(id), attachmentId);
  }
}

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('clients/:id/attachments')
export class ClientAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @UPLOAD_BODY
  @RequirePermission('directory.manage')
  @ApiOperation({ summary: 'attaches a file to a client (contracts, scans)' })
  upload(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.attachments.upload(actor, clientScope(id), { request, reply });
  }

  @Get()
  @RequirePermission('directory.read')
  list(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.attachments.list(actor, clientScope(id));
  }

  @Get(':attachmentId')
  @RequirePermission('directory.read')
  get(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Param('attachmentId', ParseIntPipe) attachmentId: number) {
    return this.attachments.get(actor, clientScope(id), attachmentId);
  }

  @Get(':attachmentId/content')
  @ApiProduces('application/octet-stream')
  @RequirePermission('directory.read')
  async download(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Param('attachmentId', ParseIntPipe) attachmentId: number, @Res() reply: FastifyReply) {
    return sendFile(reply, await this.attachments.open(actor, clientScope(id), attachmentId));
  }

  @Delete(':attachmentId')
  @HttpCode(204)
  @RequirePermission('directory.manage')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number, @Param('attachmentId', ParseIntPipe) attachmentId: number) {
    await this.attachments.remove(actor, clientScope(id), attachmentId);
  }
}

const scope = (requestId: number): AttachmentScope => ({ kind: 'request', requestId });
const clientScope = (clientId: number): AttachmentScope => ({ kind: 'client', clientId });
