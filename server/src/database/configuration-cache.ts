import { deepFrozen } from '../common/deep-frozen';
import { transactionScoped } from './transaction-scope';
import { EventSubscriber, type DataSource, type EntityManager, type EntityMetadata, type EntitySubscriberInterface, type QueryRunner } from 'typeorm';

/**
 * What administrators design — topics, attributes, routes, queues, priorities, SLA policies and calendars,
 * notification templates, intake lists and contact templates — is read by every registration, transition and
 * card, and changes seldom. Each process keeps it in memory, tagged with the configuration revision it was
 * read at: one row every write to these tables increments in its own transaction (ConfigurationRevisionSubscriber).
 * A reader compares the stored revision (one small read, or the one read with the caller's sign-in: see
 * revisionReadBefore) with its copy's and reloads when another process, or this one, changed anything. A
 * transaction that has written configuration reads it fresh, never from the cache, and never fills it: what it
 * sees may yet roll back.
 */
export const CONFIGURATION_TABLES: ReadonlySet<string> = new Set([
  'topic_nodes',
  'attributes',
  'attribute_groups',
  'attribute_bindings',
  'attribute_slots',
  'routes',
  'route_versions',
  'queues',
  'priority_matrix',
  'sla_policies',
  'sla_calendars',
  'notification_templates',
  'channels',
  'directions',
  'contact_places',
  'contact_templates',
  'contact_template_operators',
]);

/** Counts a write to a configuration table, once per transaction, in that transaction. */
@EventSubscriber()
export class ConfigurationRevisionSubscriber implements EntitySubscriberInterface {
  afterInsert(event: { metadata: EntityMetadata; queryRunner: QueryRunner }) {
    return counted(event);
  }
  afterUpdate(event: { metadata: EntityMetadata; queryRunner: QueryRunner }) {
    return counted(event);
  }
  afterRemove(event: { metadata: EntityMetadata; queryRunner: QueryRunner }) {
    return counted(event);
  }
  afterSoftRemove(event: { metadata: EntityMetadata; queryRunner: QueryRunner }) {
    return counted(event);
  }
  afterRecover(event: { metadata: EntityMetadata; queryRunner: QueryRunner }) {
    return counted(event);
  }
}

/** Whether the transaction on `runner` has written configuration, and counted it. */
const writtenIn = (runner: QueryRunner | undefined) => transactionScoped(runner, 'configurationWritten', () => ({ counted: false }));

async function counted(event: { metadata: EntityMetadata; queryRunner: QueryRunner }): Promise<void> {
  if (!CONFIGURATION_TABLES.has(event.metadata.tableName)) return;
  // Once per transaction (a savepoint continues it); every autocommitted write counts.
  const written = writtenIn(event.queryRunner);
  if (written?.counted) return;
  if (written) written.counted = true;
  await event.queryRunner.query('UPDATE configuration_revision SET revision = revision + 1 WHERE id = 1');
}

interface Entry {
  revision: number;
  value: Promise<unknown>;
}
const caches = new WeakMap<DataSource, Map<string, Entry>>();

async function readRevision(manager: EntityManager): Promise<number> {
  const [row] = (await manager.query('SELECT revision FROM configuration_revision WHERE id = 1')) as { revision: number | string }[];
  return Number(row?.revision ?? 0);
}

/** One revision read per transaction: everything it reads from the cache is of one revision. */
function revisionFor(manager: EntityManager): Promise<number> {
  return transactionScoped(manager.queryRunner, 'configurationRevision', () => readRevision(manager)) ?? readRevision(manager);
}

/** The SQL of a column holding the configuration revision, for a statement read just before a transaction (the sign-in). */
export const CONFIGURATION_REVISION_COLUMN = '(SELECT revision FROM configuration_revision WHERE id = 1) AS configurationRevision';

/**
 * Lets the transaction on `manager` take a revision read just before it began, instead of reading it again. At
 * READ COMMITTED nothing ties a read to the transaction's start, so a revision read a moment before is as good as
 * one read inside: the rows read after it can only be as new or newer, so a copy is still never older than its tag.
 */
export function revisionReadBefore(manager: EntityManager, revision: number | undefined): void {
  if (revision !== undefined) transactionScoped(manager.queryRunner, 'configurationRevision', () => Promise.resolve(revision));
}

/**
 * `load`'s answer, read at most once per configuration revision by this process. The answer is frozen: callers
 * copy what they change. Its reads must depend on configuration tables only (CONFIGURATION_TABLES).
 */
export async function cachedConfiguration<T>(manager: EntityManager, name: string, load: () => Promise<T>): Promise<T> {
  if (writtenIn(manager.queryRunner)?.counted) return load();
  // Read before the rows: the rows can only be as new as the revision or newer, so a copy is never older than its tag.
  const revision = await revisionFor(manager);
  let cache = caches.get(manager.connection);
  if (!cache) caches.set(manager.connection, (cache = new Map()));
  const cached = cache.get(name);
  if (cached && cached.revision >= revision) return cached.value as Promise<T>;
  const value = load().then(deepFrozen);
  const entry = { revision, value };
  cache.set(name, entry);
  value.catch(() => cache.get(name) === entry && cache.delete(name));
  return value;
}
