import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/principal';
import { AuditQuery } from './audit.dto';
import { AuditService } from './audit.service';

/** Read-only on purpose: the journal has no write, update or delete endpoint. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit.read')
  list(@Query() query: AuditQuery) {
    return this.audit.list(query);
  }
}
