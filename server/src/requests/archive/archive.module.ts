import { Controller, HttpCode, Module, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../../auth/principal';
import { SchedulerModule } from '../../scheduler/scheduler.module';
import { ArchiveService } from './archive.service';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class ArchiveController {
  constructor(private readonly archive: ArchiveService) {}

  /** Brings an archived request back to the live lists (still closed); reading archived ones needs only requests.read. */
  @Post(':id/restore')
  @HttpCode(200)
  @RequirePermission('requests.archive')
  restore(@CurrentPrincipal() actor: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.archive.restore(actor, id);
  }
}

/** The archive of closed requests: the daily sweep and restoring. */
@Module({ imports: [SchedulerModule], controllers: [ArchiveController], providers: [ArchiveService] })
export class ArchiveModule {}
