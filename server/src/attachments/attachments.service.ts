import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { notFound } from '../common/docket-error';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { indexAttachment, unindex } from '../search/search-index';
import { AttachmentScope, resolveOwner, resolveScope, scopeWhere, type ResolvedOwner } from './attachment-owner';
import { keepFile, readBlob, receiveUpload, type StoredUpload } from './attachment-upload';
import { Attachment } from './attachment.entity';
import { BlobStore, LocalBlobStore, newBlobKey } from './blob-store';
import { canExtract, DEFAULT_LIMITS, extractText, type Extraction } from './extraction/extract-text';
import { AcceptingScanner, AttachmentScanner, CommandScanner } from './scanner';

/** Files up to this size have their text extracted before the upload is answered; larger ones just after. */
export const SYNC_EXTRACTION_BYTES = 4 * 1024 * 1024;

export type AttachmentView = Omit<Attachment, 'storageKey' | 'deletedAt' | 'deletedById'>;

/** A file checked and stored but not yet recorded (see `receive`). */
export interface ReceivedFile {
  key: string;
  upload: StoredUpload;
  extraction: Extraction;
}

/** Attachments of requests, comments and clients: upload, list, download, soft delete, text for search. */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger('attachments');
  private readonly store: BlobStore;
  private readonly scanner: AttachmentScanner;
  private readonly maxBytes: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(DOCKET_CONFIG) config: DocketConfig,
  ) {
    this.store = new LocalBlobStore(config.attachments.dir);
    this.scanner = config.attachments.scanCommand ? new CommandScanner(config.attachments.scanCommand) : new AcceptingScanner();
    this.maxBytes = config.attachments.maxBytes;
  }

  async upload(actor: Principal, scope: AttachmentScope, http: { request: FastifyRequest; reply: FastifyReply }, commentId?: number, now = new Date()): Promise<AttachmentView> {
    // Access first: someone who may not attach here gets 403/404 before a byte is stored.
    const owner = await resolveOwner(this.dataSource.manager, actor, scope, commentId);
    const key = newBlobKey(now);
    const upload = await receiveUpload(http, this.store, this.scanner, key, this.maxBytes);
    const later = canExtract(upload.contentType) && upload.size > SYNC_EXTRACTION_BYTES;
    const extraction: Extraction | null = !canExtract(upload.contentType) ? { status: 'unsupported', text: '' } : later ? null : await this.extract(key, upload.contentType);
    let attachment: Attachment;
    try {
      attachment = await this.dataSource.transaction(async (manager) => {
        await resolveOwner(manager, actor, scope, commentId);
        return this.insert(manager, actor, owner, { key, upload, extraction }, now);
      });
    } catch (error) {
      await this.store.delete(key);
      throw error;
    }
    if (attachment.textStatus === 'pending') void this.extractLater(attachment.id);
    return viewOf(attachment);
  }

  /**
   * A file that arrived by mail, checked as an upload is (limit, type from its bytes, scan) and stored; nothing
   * records it yet. Refusals throw the upload's errors; `record` or `discard` follows.
   */
  async receive(file: { fileName: string; contentType: string; content: Buffer }, now = new Date()): Promise<ReceivedFile> {
    const key = newBlobKey(now);
    const upload = await keepFile(this.store, this.scanner, key, { filename: file.fileName, mimetype: file.contentType, content: file.content }, this.maxBytes);
    const extraction: Extraction = canExtract(upload.contentType) ? await this.extract(key, upload.contentType) : { status: 'unsupported', text: '' };
    return { key, upload, extraction };
  }

  /** Records a received file on its owner in the caller's transaction (which has checked the owner). */
  async record(manager: EntityManager, actor: Pick<Principal, 'userId' | 'login'>, owner: ResolvedOwner, file: ReceivedFile, now: Date): Promise<AttachmentView> {
    return viewOf(await this.insert(manager, actor, owner, file, now));
  }

  /** A received file whose record was not kept (the transaction failed): its bytes go too. */
  async discard(file: ReceivedFile): Promise<void> {
    await this.store.delete(file.key);
  }

  async list(actor: Principal, scope: AttachmentScope): Promise<AttachmentView[]> {
    await resolveScope(this.dataSource.manager, actor, scope, 'read');
    const rows = await this.dataSource.manager.find(Attachment, { where: { ...scopeWhere(scope), deletedAt: IsNull() }, order: { id: 'ASC' } });
    return rows.map(viewOf);
  }

  async get(actor: Principal, scope: AttachmentScope, id: number): Promise<AttachmentView> {
    return viewOf(await this.find(actor, scope, id));
  }

  async open(actor: Principal, scope: AttachmentScope, id: number): Promise<{ attachment: Attachment; content: Readable }> {
    const attachment = await this.find(actor, scope, id);
    return { attachment, content: this.store.get(attachment.storageKey) };
  }

  /** Soft: the row stays (with who and when) and so do the bytes; it leaves lists, downloads and search. */
  async remove(actor: Principal, scope: AttachmentScope, id: number, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await resolveScope(manager, actor, scope, 'write');
      const attachment = await manager.findOneBy(Attachment, { id, ...scopeWhere(scope), deletedAt: IsNull() });
      if (!attachment) throw notFound('Attachment', id);
      await manager.update(Attachment, { id }, { deletedAt: now, deletedById: actor.userId });
      await unindex(manager, 'attachment', id);
      const owner = scope.kind === 'request' ? { entityType: 'request', entityId: scope.requestId } : { entityType: 'client', entityId: scope.clientId };
      await this.audit.record(manager, actor, { ...owner, action: 'attachment.delete', changes: [{ field: 'attachment', old: { id, fileName: attachment.fileName, sha256: attachment.sha256 }, new: null }] }, now);
    });
  }

  private async insert(manager: EntityManager, actor: Pick<Principal, 'userId' | 'login'>, owner: ResolvedOwner, { key, upload, extraction }: { key: string; upload: StoredUpload; extraction: Extraction | null }, now: Date): Promise<Attachment> {
    const row = manager.create(Attachment, {
      ownerType: owner.ownerType,
      ownerId: owner.ownerId,
      requestId: owner.requestId,
      clientId: owner.clientId,
      ...upload,
      storageKey: key,
      textStatus: extraction?.status ?? 'pending',
      textLength: extraction?.text.length ?? 0,
      createdById: actor.userId,
      createdAt: now,
      deletedAt: null,
      deletedById: null,
    });
    await manager.save(row);
    if (extraction?.text) await indexAttachment(manager, row, extraction.text);
    await this.audit.record(manager, actor, { entityType: owner.auditType, entityId: owner.auditId, action: 'attachment.add', changes: [{ field: 'attachment', old: null, new: { id: row.id, ownerType: row.ownerType, ownerId: row.ownerId, fileName: row.fileName, size: row.size, sha256: row.sha256 } }] }, now);
    return row;
  }

  private async find(actor: Principal, scope: AttachmentScope, id: number): Promise<Attachment> {
    await resolveScope(this.dataSource.manager, actor, scope, 'read');
    const attachment = await this.dataSource.manager.findOneBy(Attachment, { id, ...scopeWhere(scope), deletedAt: IsNull() });
    if (!attachment) throw notFound('Attachment', id);
    return attachment;
  }

  private async extract(key: string, contentType: string): Promise<Extraction> {
    try {
      return await extractText(await readBlob(this.store.get(key), this.maxBytes), contentType, DEFAULT_LIMITS);
    } catch (error) {
      return { status: 'failed', text: '', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Large files: extracted after the answer, then indexed in their own transaction (unless deleted meanwhile). */
  private async extractLater(id: number): Promise<void> {
    try {
      const attachment = await this.dataSource.manager.findOneByOrFail(Attachment, { id });
      const extraction = await this.extract(attachment.storageKey, attachment.contentType);
      await this.dataSource.transaction(async (manager) => {
        const current = await manager.findOneBy(Attachment, { id, deletedAt: IsNull() });
        if (!current) return;
        await manager.update(Attachment, { id }, { textStatus: extraction.status, textLength: extraction.text.length });
        if (extraction.text) await indexAttachment(manager, current, extraction.text);
      });
    } catch (error) {
      this.logger.error({ attachment: id, message: 'text extraction failed', error: error instanceof Error ? error.message : String(error) });
    }
  }
}

function viewOf(attachment: Attachment): AttachmentView {
  const { storageKey: _key, deletedAt: _deletedAt, deletedById: _deletedBy, ...view } = attachment;
  return view;
}
