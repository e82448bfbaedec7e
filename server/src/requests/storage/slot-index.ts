import { TableIndex, type QueryRunner } from 'typeorm';
import { SLOT_INDEX_COLUMNS, slotIndexName } from './list-slots';

/**
 * Slot columns are indexed only once an attribute takes them: unused slots cost nothing on every
 * insert. Run when a slot is assigned (idempotent).
 */
export async function ensureSlotIndex(runner: QueryRunner, column: string): Promise<void> {
  const table = await runner.getTable('requests');
  if (table?.indices.some((index) => index.name === slotIndexName(column))) return;
  await runner.createIndex('requests', new TableIndex({ name: slotIndexName(column), columnNames: SLOT_INDEX_COLUMNS(column) }));
}
