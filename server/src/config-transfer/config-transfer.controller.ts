import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { ImportQuery } from './config-transfer.dto';
import { ConfigTransferService } from './config-transfer.service';

@ApiTags('configuration')
@ApiBearerAuth()
@Controller('config')
export class ConfigTransferController {
  constructor(private readonly transfer: ConfigTransferService) {}

  @Get('export')
  @RequirePermission('config.transfer')
  async exportDocument(@Res({ passthrough: true }) reply: FastifyReply) {
    const document = await this.transfer.exportDocument();
    void reply.header('Content-Disposition', `attachment; filename="docket-config-${document.exportedAt.slice(0, 10)}.json"`);
    return document;
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermission('config.transfer')
  @ApiBody({ description: 'a document as GET /api/config/export gives it', schema: { type: 'object', additionalProperties: true } })
  importDocument(@CurrentPrincipal() actor: Principal, @Query() query: ImportQuery, @Body() body: Record<string, unknown>) {
    return this.transfer.importDocument(actor, body, query.dryRun ?? false);
  }
}
