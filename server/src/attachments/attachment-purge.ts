import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, LessThan } from 'typeorm';
import { AuditService, type AuditRecord } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { DailySweep } from '../scheduler/daily-sweep';
import { SchedulerService } from '../scheduler/scheduler.service';
import { unindex } from '../search/search-index';
import { Attachment } from './attachment.entity';
import { LocalBlobStore, type BlobStore } from './blob-store';

export const ATTACHMENT_PURGE_JOB = 'attachments.purge';
/** Files erased per timer, each batch one transaction. */
export const PURGE_BATCH = 200;
const DAY_MS = 86_400_000;
/** At 03:00 UTC, after the archive sweep. */
const SWEEP = new DailySweep(ATTACHMENT_PURGE_JOB, 3);

/**
 * Erases what deleting an attachment only hid: once DOCKET_ATTACHMENT_PURGE_AFTER_DAYS have passed, the bytes
 * leave the store and the row leaves the table; the journal keeps who deleted which file (name, checksum).
 * Bytes go first: a process dying between the two leaves a hidden row whose bytes are gone, which the next
 * batch erases; never bytes nobody can reach.
 */
@Injectable()
export class AttachmentPurge implements OnModuleInit {
  private readonly store: BlobStore;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: SchedulerService,
    private readonly audit: AuditService,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
  ) {
    this.store = new LocalBlobStore(config.attachments.dir);
  }

  async onModuleInit(): Promise<void> {
    this.scheduler.register(ATTACHMENT_PURGE_JOB, async (_job, manager, now) => {
      await this.purgeBatch(manager, now);
    });
    await SWEEP.scheduleToday(this.dataSource, new Date());
  }

  /** One batch of files deleted before the cutoff; idempotent. Answers the ids erased. */
  async purgeBatch(manager: EntityManager, now: Date): Promise<number[]> {
    const cutoff = new Date(now.getTime() - this.config.attachments.purgeAfterDays * DAY_MS);
    const due = await manager.find(Attachment, { where: { deletedAt: LessThan(cutoff) }, order: { id: 'ASC' }, take: PURGE_BATCH });
    for (const attachment of due) await this.store.delete(attachment.storageKey);
    if (due.length) {
      await manager.delete(Attachment, { id: In(due.map((attachment) => attachment.id)) });
      await this.audit.recordMany(manager, null, due.map(purgeRecord), now);
    }
    await SWEEP.scheduleNext(manager, now, due.length === PURGE_BATCH ? due[due.length - 1].id : null);
    return due.map((attachment) => attachment.id);
  }
}

function purgeRecord(attachment: Attachment): AuditRecord {
  const owner = attachment.requestId !== null ? { entityType: 'request', entityId: attachment.requestId } : { entityType: 'client', entityId: attachment.clientId ?? attachment.ownerId };
  return { ...owner, action: 'attachment.purge', changes: [{ field: 'attachment', old: { id: attachment.id, fileName: attachment.fileName, sha256: attachment.sha256 }, new: null }] };
}

/** Hides a removed client's files as a deletion would, in the removal's transaction; the purge erases them later. */
export async function deleteClientAttachments(manager: EntityManager, actor: Pick<Principal, 'userId'>, clientId: number, now: Date): Promise<number[]> {
  const live = await manager.find(Attachment, { select: { id: true }, where: { ownerType: 'client', clientId, deletedAt: IsNull() } });
  if (!live.length) return [];
  const ids = live.map((attachment) => attachment.id);
  await manager.update(Attachment, { id: In(ids), deletedAt: IsNull() }, { deletedAt: now, deletedById: actor.userId });
  for (const id of ids) await unindex(manager, 'attachment', id);
  return ids;
}
