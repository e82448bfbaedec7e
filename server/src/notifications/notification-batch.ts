import { In, type EntityManager } from 'typeorm';
import { insertRows } from '../database/plain-rows';
import { RequestValue } from '../requests/entities/request-value.entity';
import { TopicForms } from '../requests/processing/request-context';
import { Notification } from './entities/notification.entity';
import { enqueueMails, type OutgoingMail } from './outbox';
import type { NotifiedRequest } from './request-facts';

/**
 * Many notifications told in one transaction (a batch of timers, hundreds of events): what they read alike
 * (the topic configuration, templates, names, users, preferences) is read once, and the mails and in-app
 * rows they make are written together by `flush`, which the owner of the batch must call before its
 * transaction commits. Valid for one transaction only: it sees that transaction's data and nothing later.
 */
export class NotificationBatch {
  private readonly mails: OutgoingMail[] = [];
  private readonly inApp: Partial<Notification>[] = [];
  private readonly loaded = new Map<string, Promise<unknown>>();
  private readonly rows = new Map<string, unknown>();
  private forms: TopicForms | null = null;
  /** Request rows the caller already read in this transaction, by id. */
  readonly requests = new Map<number, NotifiedRequest>();
  private readonly values = new Map<number, RequestValue[]>();

  /** The caller's request rows, and the attribute values of the live ones among them, in one query. */
  async preload(manager: EntityManager, requests: readonly NotifiedRequest[]): Promise<void> {
    const live = requests.filter((request) => !request.archivedAt).map((request) => request.id);
    for (const request of requests) this.requests.set(request.id, request);
    for (const id of live) this.values.set(id, []);
    if (live.length) for (const row of await manager.findBy(RequestValue, { requestId: In(live) })) this.values.get(row.requestId)?.push(row);
  }

  /** Preloaded value rows of a live request; undefined when not preloaded (read them as usual). */
  valuesOf(requestId: number): RequestValue[] | undefined {
    return this.values.get(requestId);
  }

  /** Held until `flush`. */
  write(mails: readonly OutgoingMail[], inApp: readonly Partial<Notification>[]): void {
    this.mails.push(...mails);
    this.inApp.push(...inApp);
  }

  /** Writes what the batch's notifications made, as their one-by-one dispatch would have (duplicates ignored). */
  async flush(manager: EntityManager, now: Date, mailDomain: string): Promise<void> {
    const mails = this.mails.splice(0);
    const inApp = this.inApp.splice(0);
    await enqueueMails(manager, mails, now, mailDomain);
    await insertInApp(manager, inApp);
  }

  topicForms(manager: EntityManager): TopicForms {
    this.forms ??= new TopicForms(manager);
    return this.forms;
  }

  /** One load per key; later callers share its answer. */
  remember<T>(key: string, load: () => Promise<T>): Promise<T> {
    let hit = this.loaded.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = load();
      this.loaded.set(key, hit);
    }
    return hit;
  }

  /**
   * Rows by id under a prefix, reading only the ids not seen before (in one query); an id the load did not
   * return is remembered as absent.
   */
  async many<V>(prefix: string, ids: readonly number[], load: (missing: number[]) => Promise<Map<number, V>>): Promise<Map<number, V>> {
    const missing = [...new Set(ids)].filter((id) => !this.rows.has(`${prefix}:${id}`));
    if (missing.length) {
      const found = await load(missing);
      for (const id of missing) this.rows.set(`${prefix}:${id}`, found.get(id) ?? null);
    }
    const answer = new Map<number, V>();
    for (const id of ids) {
      const row = this.rows.get(`${prefix}:${id}`) as V | null;
      if (row !== null) answer.set(id, row);
    }
    return answer;
  }
}

/** Without a cache every call reads afresh (events outside a batch). */
export async function cached<T>(cache: NotificationBatch | undefined, key: string, load: () => Promise<T>): Promise<T> {
  return cache ? cache.remember(key, load) : load();
}

export async function cachedMany<V>(cache: NotificationBatch | undefined, prefix: string, ids: readonly number[], load: (missing: number[]) => Promise<Map<number, V>>): Promise<Map<number, V>> {
  return cache ? cache.many(prefix, ids, load) : load([...new Set(ids)]);
}

/** In-app notifications in multi-row statements; a replayed (user, event key) is ignored, and no ids are read back. */
export async function insertInApp(manager: EntityManager, rows: readonly Partial<Notification>[]): Promise<void> {
  await insertRows(manager, Notification, rows, { ignore: true });
}
