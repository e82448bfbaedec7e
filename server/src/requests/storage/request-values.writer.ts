import { In, type EntityManager } from 'typeorm';
import type { AttributeSlot } from '../entities/attribute-slot.entity';
import { RequestValue } from '../entities/request-value.entity';
import { toStoredValue, ValueKind } from './value-columns';
import { insertRows } from '../../database/plain-rows';
import { transactionScoped } from '../../database/transaction-scope';
import type { StoredValueRow } from '../domain/attribute-values';

export type AttributeValue = string | number | boolean | Date;

/** New values of one attribute of a request; an empty list clears it. */
export interface AttributeValueWrite {
  attributeId: number;
  kind: ValueKind;
  values: AttributeValue[];
}

/** The request fields that value rows repeat (see RequestValue). */
export interface ValueBucket {
  requestId: number;
  queueId: number | null;
  isOpen: boolean;
}

/**
 * The value rows of requests this transaction wrote whole (a new request) or read, by request id: a registration's
 * or transition's later steps (rules, notifications) take them from memory. Any other write forgets the request's.
 */
export function valueRowsInTransaction(manager: EntityManager): Map<number, readonly StoredValueRow[]> | undefined {
  return transactionScoped(manager.queryRunner, 'requestValueRows', () => new Map<number, readonly StoredValueRow[]>());
}

/**
 * The only place attribute values are written: typed rows in `request_values` and, for list-column
 * attributes, the first value copied into the request's slot column. Runs inside the caller's transaction.
 * A fixed number of statements whatever the number of attributes: one DELETE of the rewritten attributes
 * (none for a request inserted in this transaction, `fresh`), multi-row INSERTs, one UPDATE of the slots.
 */
export async function writeRequestValues(manager: EntityManager, bucket: ValueBucket, writes: AttributeValueWrite[], slots: ReadonlyMap<number, AttributeSlot>, options: { fresh?: boolean } = {}): Promise<void> {
  // The last write of an attribute wins, as when each was written in turn.
  const byAttribute = new Map(writes.map((write) => [write.attributeId, write]));
  if (byAttribute.size === 0) return;
  if (!options.fresh) await manager.delete(RequestValue, { requestId: bucket.requestId, attributeId: In([...byAttribute.keys()]) });
  const rows = [...byAttribute.values()].flatMap((write) => write.values.map((value, ord) => ({ requestId: bucket.requestId, attributeId: write.attributeId, ord, queueId: bucket.queueId, isOpen: bucket.isOpen, ...toStoredValue(write.kind, value) })));
  await insertRows(manager, RequestValue, rows);
  if (options.fresh) valueRowsInTransaction(manager)?.set(bucket.requestId, rows);
  else valueRowsInTransaction(manager)?.delete(bucket.requestId);
  const slotValues: Record<string, string | number | Date | null> = {};
  for (const write of byAttribute.values()) {
    const slot = slots.get(write.attributeId);
    if (!slot) continue;
    const first = write.values.length ? toStoredValue(write.kind, write.values[0]) : null;
    slotValues[slot.slot] = first ? (first.valueString ?? first.valueNumber ?? first.valueInstant) : null;
  }
  if (Object.keys(slotValues).length) await manager.createQueryBuilder().update('requests').set(slotValues).where('id = :id', { id: bucket.requestId }).execute();
}

/** Keeps value rows in the request's queue bucket after it moves queue, closes or reopens. */
export async function moveValueBucket(manager: EntityManager, bucket: ValueBucket): Promise<void> {
  await manager.getRepository(RequestValue).update({ requestId: bucket.requestId }, { queueId: bucket.queueId, isOpen: bucket.isOpen });
}
