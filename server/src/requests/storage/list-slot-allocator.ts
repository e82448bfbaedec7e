import type { DataSource, EntityManager } from 'typeorm';
import { conflict } from '../../common/docket-error';
import { AttributeSlot } from '../entities/attribute-slot.entity';
import { slotColumns } from './list-slots';
import { ensureSlotIndex } from './slot-index';
import { SLOT_KIND_OF_VALUE, VALUE_COLUMN, ValueKind } from './value-columns';
import { cachedConfiguration } from '../../database/configuration-cache';

/** Requests copied per statement while a slot is filled, so a big table is never locked for long. */
const BACKFILL_BATCH = 5000;

/**
 * Gives an attribute a list-column slot when an administrator shows it as a column, and takes it back.
 * The slot is `backfilling` until existing values are copied: lists keep reading `request_values`
 * until then, while value writes already fill the slot (see request-values.writer.ts).
 */
export class ListSlotAllocator {
  constructor(private readonly dataSource: DataSource) {}

  async assign(attributeId: number, kind: ValueKind): Promise<string> {
    const existing = await this.dataSource.getRepository(AttributeSlot).findOneBy({ attributeId });
    if (existing) return existing.slot;
    const slotKind = SLOT_KIND_OF_VALUE[kind];
    if (!slotKind) throw conflict('not_a_list_column', 'Long text attributes cannot be list columns; full-text search covers them', [{ path: 'listColumn', message: 'long text is not indexed' }]);
    const slot = await this.dataSource.transaction(async (manager) => {
      const taken = new Set((await manager.getRepository(AttributeSlot).find()).map((row) => row.slot));
      const free = slotColumns(slotKind).find((column) => !taken.has(column));
      if (!free) throw conflict('no_free_list_slot', `All ${slotKind} list-column slots are taken; stop showing another ${slotKind} attribute as a column first`, [{ path: 'listColumn', message: 'no free slot' }]);
      await manager.getRepository(AttributeSlot).insert({ attributeId, slot: free, state: 'backfilling', assignedAt: new Date() });
      return free;
    });
    const runner = this.dataSource.createQueryRunner();
    try {
      await ensureSlotIndex(runner, slot);
    } finally {
      await runner.release();
    }
    await this.copyValues(attributeId, slot, kind);
    await this.dataSource.getRepository(AttributeSlot).update({ attributeId }, { state: 'ready' });
    return slot;
  }

  async release(attributeId: number): Promise<void> {
    const existing = await this.dataSource.getRepository(AttributeSlot).findOneBy({ attributeId });
    if (!existing) return;
    await this.dataSource.getRepository(AttributeSlot).delete({ attributeId });
    await this.inBatches((from, to) => this.dataSource.query(`UPDATE requests SET ${existing.slot} = NULL WHERE id >= ? AND id < ? AND ${existing.slot} IS NOT NULL`, [from, to]));
  }

  /** Slot columns of every attribute that has one, whatever its state: writers keep them all current. */
  static slotsFor(manager: EntityManager): Promise<ReadonlyMap<number, AttributeSlot>> {
    return cachedConfiguration(manager, 'attributeSlots', async () => new Map((await manager.getRepository(AttributeSlot).find()).map((row) => [row.attributeId, row])));
  }

  private async copyValues(attributeId: number, slot: string, kind: ValueKind): Promise<void> {
    const source = VALUE_COLUMN[kind];
    await this.inBatches((from, to) =>
      this.dataSource.query(
        `UPDATE requests SET ${slot} = (SELECT v.${source} FROM request_values v WHERE v.requestId = requests.id AND v.attributeId = ? AND v.ord = 0) WHERE id >= ? AND id < ?`,
        [attributeId, from, to],
      ),
    );
  }

  private async inBatches(run: (from: number, to: number) => Promise<unknown>): Promise<void> {
    const [{ first, last }] = await this.dataSource.query('SELECT MIN(id) AS first, MAX(id) AS last FROM requests');
    if (first === null) return;
    for (let from = Number(first); from <= Number(last); from += BACKFILL_BATCH) await run(from, from + BACKFILL_BATCH);
  }
}
