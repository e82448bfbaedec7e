import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../../auth/principal';
import { BulkRequestsDto } from './bulk.dto';
import { BulkService } from './bulk.service';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class BulkController {
  constructor(private readonly bulk: BulkService) {}

  /** One action on many requests, each checked and reported on its own: `{action, succeeded, failed, results: [{id, ok, code, message}]}`. */
  @Post('bulk')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key replays each request’s first answer' })
  @RequirePermission('requests.work')
  run(@CurrentPrincipal() actor: Principal, @Body() body: BulkRequestsDto, @Headers('idempotency-key') key?: string, @Headers('accept-language') language?: string) {
    return this.bulk.run(actor, body, { idempotencyKey: key, acceptLanguage: language });
  }
}
