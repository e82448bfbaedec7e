import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { conflict } from '../../common/docket-error';
import { DOCKET_CONFIG } from '../../config/config.module';
import type { DocketConfig } from '../../config/docket-config';
import { DailySweep } from '../../scheduler/daily-sweep';
import { SchedulerService } from '../../scheduler/scheduler.service';
import { accessRequest } from '../processing/request-access';
import { summaryOf, type RequestSummary } from '../processing/versioned-update';
import { CustomerRequest } from '../entities/customer-request.entity';
import { archiveCandidates, moveFromArchive, moveToArchive } from './archive-moves';

export const ARCHIVE_JOB = 'requests.archive';
/** Requests moved per timer: each batch is one transaction, so a sweep never holds long locks. */
export const ARCHIVE_BATCH = 500;
const DAY_MS = 86_400_000;
/** The daily sweep runs at 02:00 UTC, when desks are quiet. */
const SWEEP = new DailySweep(ARCHIVE_JOB, 2);

/**
 * Moves closed requests older than DOCKET_ARCHIVE_AFTER_DAYS to the archive (docs/request-archive.md) by a
 * daily timer, in batches, and restores them on demand. Every run and restore is journalled.
 */
@Injectable()
export class ArchiveService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: SchedulerService,
    private readonly audit: AuditService,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.scheduler.register(ARCHIVE_JOB, async (_job, manager, now) => {
      await this.sweepBatch(manager, now);
    });
    await SWEEP.scheduleToday(this.dataSource, new Date());
  }

  /** One batch; a full batch schedules the next one at once, the last one schedules tomorrow's sweep. Idempotent. */
  async sweepBatch(manager: EntityManager, now: Date): Promise<number[]> {
    const cutoff = new Date(now.getTime() - this.config.archive.afterDays * DAY_MS);
    const candidates = await archiveCandidates(manager, { cutoff, limit: ARCHIVE_BATCH });
    const moved = await moveToArchive(manager, candidates, now);
    for (const id of moved) await this.audit.record(manager, null, { entityType: 'request', entityId: id, action: 'archive', changes: [{ field: 'archivedAt', old: null, new: now }] }, now);
    await SWEEP.scheduleNext(manager, now, candidates.length === ARCHIVE_BATCH ? candidates[candidates.length - 1] : null);
    return moved;
  }

  /** Back to the live lists, still closed; the archive age then counts from now. */
  async restore(actor: Principal, id: number, now = new Date()): Promise<RequestSummary> {
    return this.dataSource.transaction(async (manager) => {
      const { request } = await accessRequest(manager, actor, id);
      if (request.archivedAt === null) throw conflict('not_archived', `Request ${request.number} is not archived`, [{ path: 'id', message: 'not archived' }]);
      await moveFromArchive(manager, request);
      const result = await manager
        .createQueryBuilder()
        .update(CustomerRequest)
        .set({ archivedAt: null, restoredAt: now, updatedAt: now, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version: request.version })
        .execute();
      if (result.affected !== 1) throw conflict('stale_version', `Request ${request.number} changed while it was restored`, [{ path: 'id', message: 'try again' }]);
      await this.audit.record(manager, actor, { entityType: 'request', entityId: id, action: 'restore', changes: [{ field: 'archivedAt', old: request.archivedAt, new: null }] }, now);
      return summaryOf(Object.assign(request, { archivedAt: null, restoredAt: now, updatedAt: now, version: request.version + 1 }));
    });
  }
}
