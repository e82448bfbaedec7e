import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changesBetween } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { badRequest, DocketError, ErrorDetail, notFound } from '../../common/docket-error';
import { Page, pageOf } from '../../common/paging';
import { checkSelect, SelectRejected } from '../dynamic-queries/select-validator';
import { assertCodeFree, reorderRows, whereCodeOrName } from '../catalog-writes';
import { definedFields } from '../../common/defined-fields';
import { CatalogListQuery } from '../catalog.dto';
import { ExternalDictionaryItem } from '../entities/external-dictionary-item.entity';
import { ExternalDictionary } from '../entities/external-dictionary.entity';
import { CreateExternalDictionaryDto, UpdateExternalDictionaryDto } from './external-dictionaries.dto';
import { ExternalItem, ExternalSource, ExternalSourceError } from './external-source';
import { readHttpSource } from './http-source';
import { readSqlSource, sqlConnections } from './sql-source';

const AUDITED: (keyof ExternalDictionary)[] = ['code', 'name', 'source', 'ttlSeconds', 'active', 'position'];
/** After a failed read, callers get the stale copy without a new attempt for this long, so a dead source is not hammered. */
const RETRY_AFTER_FAILURE_MS = 30_000;

export interface ExternalItemsView {
  code: string;
  items: ExternalItem[];
  fetchedAt: Date | null;
  /** True when the last read of the source failed, so the copy served is an earlier one. */
  stale: boolean;
  error: string | null;
}

const readers: { [K in ExternalSource['kind']]: (source: Extract<ExternalSource, { kind: K }>) => Promise<ExternalItem[]> } = {
  http: readHttpSource,
  sql: (source) => readSqlSource(source),
};

@Injectable()
export class ExternalDictionariesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: CatalogListQuery): Promise<Page<ExternalDictionary>> {
    const builder = whereCodeOrName(this.dataSource.getRepository(ExternalDictionary).createQueryBuilder('d'), 'd', query.q).orderBy('d.position').addOrderBy('d.code');
    if (query.active !== undefined) builder.andWhere('d.active = :active', { active: query.active });
    return pageOf(builder, query);
  }

  get(id: number): Promise<ExternalDictionary> {
    return this.load(this.dataSource.manager, id);
  }

  async create(actor: Principal | null, body: CreateExternalDictionaryDto): Promise<ExternalDictionary> {
    const source = toSource(body.kind, body);
    return this.dataSource.transaction(async (manager) => {
      await assertCodeFree(manager, ExternalDictionary, { code: body.code }, 'external dictionary', body.code);
      const dictionary = manager.create(ExternalDictionary, {
        code: body.code,
        name: body.name,
        source,
        ttlSeconds: body.ttlSeconds ?? 3600,
        active: body.active ?? true,
        position: body.position ?? 0,
        fetchedAt: null,
        lastAttemptAt: null,
        lastError: null,
      });
      await manager.save(dictionary);
      await this.audit.record(manager, actor, { entityType: 'external_dictionary', entityId: dictionary.id, action: 'create', changes: changesBetween(null, dictionary, AUDITED) });
      return dictionary;
    });
  }

  async update(actor: Principal, id: number, body: UpdateExternalDictionaryDto): Promise<ExternalDictionary> {
    return this.dataSource.transaction(async (manager) => {
      const dictionary = await this.load(manager, id);
      const before = { ...dictionary };
      const { kind, http, sql, ...rest } = body;
      if (kind || http || sql) {
        dictionary.source = toSource(kind ?? dictionary.source.kind, { http, sql });
        // A new source makes the cached copy meaningless.
        await manager.delete(ExternalDictionaryItem, { externalDictionaryId: id });
        Object.assign(dictionary, { fetchedAt: null, lastAttemptAt: null, lastError: null });
      }
      Object.assign(dictionary, definedFields(rest));
      await manager.save(dictionary);
      await this.audit.record(manager, actor, { entityType: 'external_dictionary', entityId: id, action: 'update', changes: changesBetween(before, dictionary, AUDITED) });
      return dictionary;
    });
  }

  async remove(actor: Principal, id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const dictionary = await this.load(manager, id);
      await manager.delete(ExternalDictionaryItem, { externalDictionaryId: id });
      await manager.delete(ExternalDictionary, { id });
      await this.audit.record(manager, actor, { entityType: 'external_dictionary', entityId: id, action: 'delete', changes: changesBetween(dictionary, {}, AUDITED) });
    });
  }

  async reorder(actor: Principal, ids: number[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const order = await reorderRows(manager, ExternalDictionary, ids);
      await this.audit.record(manager, actor, { entityType: 'external_dictionary', entityId: '*', action: 'reorder', changes: [{ field: 'order', ...order }] });
    });
  }

  /** The cached items while fresh; otherwise a new read, falling back to the stale copy (flagged) when the source fails. */
  async items(id: number, now = new Date()): Promise<ExternalItemsView> {
    const dictionary = await this.load(this.dataSource.manager, id);
    const fresh = dictionary.fetchedAt && now.getTime() - dictionary.fetchedAt.getTime() < dictionary.ttlSeconds * 1000;
    const failedRecently = dictionary.lastError && dictionary.lastAttemptAt && now.getTime() - dictionary.lastAttemptAt.getTime() < RETRY_AFTER_FAILURE_MS;
    if (!fresh && !failedRecently) await this.refreshQuietly(dictionary, now);
    return this.cachedView(dictionary);
  }

  /** Reads the source now; answers 502 with the reason when it fails (the stale copy stays). */
  async refresh(id: number, now = new Date()): Promise<ExternalItemsView> {
    const dictionary = await this.load(this.dataSource.manager, id);
    await this.refreshQuietly(dictionary, now);
    if (dictionary.lastError) throw sourceFailed(dictionary);
    return this.cachedView(dictionary);
  }

  private async refreshQuietly(dictionary: ExternalDictionary, now: Date): Promise<void> {
    try {
      const items = await (readers[dictionary.source.kind] as (source: ExternalSource) => Promise<ExternalItem[]>)(dictionary.source);
      await this.dataSource.transaction(async (manager) => {
        await manager.delete(ExternalDictionaryItem, { externalDictionaryId: dictionary.id });
        const rows = items.map((item, position) => ({ externalDictionaryId: dictionary.id, ...item, position }));
        for (let start = 0; start < rows.length; start += 500) await manager.insert(ExternalDictionaryItem, rows.slice(start, start + 500));
        Object.assign(dictionary, { fetchedAt: now, lastAttemptAt: now, lastError: null });
        await manager.update(ExternalDictionary, { id: dictionary.id }, { fetchedAt: now, lastAttemptAt: now, lastError: null });
      });
    } catch (error) {
      if (!(error instanceof ExternalSourceError)) throw error;
      const lastError = error.message.slice(0, 1000);
      Object.assign(dictionary, { lastAttemptAt: now, lastError });
      await this.dataSource.getRepository(ExternalDictionary).update({ id: dictionary.id }, { lastAttemptAt: now, lastError });
    }
  }

  private async cachedView(dictionary: ExternalDictionary): Promise<ExternalItemsView> {
    if (!dictionary.fetchedAt) throw sourceFailed(dictionary);
    const rows = await this.dataSource.getRepository(ExternalDictionaryItem).find({ where: { externalDictionaryId: dictionary.id }, order: { position: 'ASC' } });
    return {
      code: dictionary.code,
      items: rows.map(({ code, name, parentCode }) => ({ code, name, parentCode })),
      fetchedAt: dictionary.fetchedAt,
      stale: dictionary.lastError !== null,
      error: dictionary.lastError,
    };
  }

  private async load(manager: EntityManager, id: number): Promise<ExternalDictionary> {
    const dictionary = await manager.findOneBy(ExternalDictionary, { id });
    if (!dictionary) throw notFound('External dictionary', id);
    return dictionary;
  }
}

function sourceFailed(dictionary: ExternalDictionary): DocketError {
  return new DocketError(502, 'external_source_failed', `The external dictionary "${dictionary.code}" could not be read: ${dictionary.lastError ?? 'not read yet'}`, [
    { path: 'source', message: dictionary.lastError ?? 'not read yet' },
  ]);
}

/** Checks the part of the body that matches `kind` and fills its defaults; the other part must be absent. */
function toSource(kind: 'http' | 'sql', body: Pick<CreateExternalDictionaryDto, 'http' | 'sql'>): ExternalSource {
  const other = kind === 'http' ? 'sql' : 'http';
  const errors: ErrorDetail[] = [];
  if (!body[kind]) errors.push({ path: kind, message: `required when kind is ${kind}` });
  if (body[other]) errors.push({ path: other, message: `not allowed when kind is ${kind}` });
  if (kind === 'http' && body.http?.headers) {
    for (const [name, value] of Object.entries(body.http.headers)) {
      if (!/^[A-Za-z0-9-]{1,100}$/.test(name) || typeof value !== 'string' || value.length > 4000 || /[\r\n]/.test(value)) {
        errors.push({ path: `http.headers.${name}`, message: 'a header is a name of letters, digits and - with a one-line text value' });
      }
    }
  }
  if (kind === 'sql' && body.sql) {
    if (!Object.hasOwn(sqlConnections(), body.sql.connection)) errors.push({ path: 'sql.connection', message: 'not a configured connection' });
    try {
      checkSelect(body.sql.query, null);
    } catch (error) {
      if (!(error instanceof SelectRejected)) throw error;
      errors.push({ path: 'sql.query', message: error.message });
    }
  }
  if (errors.length) throw badRequest('invalid_source', 'The source is not valid', errors);
  if (kind === 'http') {
    const http = body.http!;
    return { kind, url: http.url, itemsPath: http.itemsPath ?? '', codeField: http.codeField, nameField: http.nameField, parentField: http.parentField ?? null, headers: http.headers ?? {}, timeoutMs: http.timeoutMs ?? 5000, maxBytes: http.maxBytes ?? 1024 * 1024 };
  }
  const sql = body.sql!;
  return { kind, connection: sql.connection, query: sql.query, codeColumn: sql.codeColumn, nameColumn: sql.nameColumn, parentColumn: sql.parentColumn ?? null, timeoutMs: sql.timeoutMs ?? 5000 };
}
