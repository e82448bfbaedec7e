import type { EntityManager } from 'typeorm';
import type { AttributeSlot } from '../entities/attribute-slot.entity';
import { RequestValue } from '../entities/request-value.entity';
import { toStoredValue, ValueKind } from './value-columns';

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
 * The only place attribute values are written: typed rows in `request_values` and, for list-column
 * attributes, the first value copied into the request's slot column. Runs inside the caller's transaction.
 */
export async function writeRequestValues(manager: EntityManager, bucket: ValueBucket, writes: AttributeValueWrite[], slots: ReadonlyMap<number, AttributeSlot>): Promise<void> {
  const repository = manager.getRepository(RequestValue);
  for (const write of writes) {
    await repository.delete({ requestId: bucket.requestId, attributeId: write.attributeId });
    const rows = write.values.map((value, ord) => ({ requestId: bucket.requestId, attributeId: write.attributeId, ord, queueId: bucket.queueId, isOpen: bucket.isOpen, ...toStoredValue(write.kind, value) }));
    if (rows.length) await repository.insert(rows);
    const slot = slots.get(write.attributeId);
    if (slot) {
      const first = rows[0];
      const stored = first ? (first.valueString ?? first.valueNumber ?? first.valueInstant) : null;
      await manager.createQueryBuilder().update('requests').set({ [slot.slot]: stored }).where('id = :id', { id: bucket.requestId }).execute();
    }
  }
}

/** Keeps value rows in the request's queue bucket after it moves queue, closes or reopens. */
export async function moveValueBucket(manager: EntityManager, bucket: ValueBucket): Promise<void> {
  await manager.getRepository(RequestValue).update({ requestId: bucket.requestId }, { queueId: bucket.queueId, isOpen: bucket.isOpen });
}
