/**
 * Attributes an administrator shows as list columns are copied into fixed, typed "slot" columns of
 * `requests`, so queue lists filter and sort them like ordinary indexed columns. All other attribute
 * values live only in `request_values` (see docs/attribute-storage.md for the figures behind this).
 */
export type SlotKind = 'text' | 'number' | 'instant';

export const SLOT_COUNTS: Record<SlotKind, number> = { text: 10, number: 6, instant: 6 };

const COLUMN_PREFIX: Record<SlotKind, string> = { text: 'listText', number: 'listNumber', instant: 'listInstant' };

export function slotColumns(kind: SlotKind): string[] {
  return Array.from({ length: SLOT_COUNTS[kind] }, (_, index) => `${COLUMN_PREFIX[kind]}${index + 1}`);
}

export const ALL_SLOT_COLUMNS: readonly string[] = (['text', 'number', 'instant'] as const).flatMap(slotColumns);

export function slotKindOf(column: string): SlotKind | undefined {
  return (Object.keys(COLUMN_PREFIX) as SlotKind[]).find((kind) => slotColumns(kind).includes(column));
}

/** Index that serves "open requests of a queue, filtered or sorted by this slot". Created when the slot is taken. */
export function slotIndexName(column: string): string {
  return `IDX_requests_${column}`;
}

export const SLOT_INDEX_COLUMNS = (column: string) => ['queueId', 'isOpen', column];
