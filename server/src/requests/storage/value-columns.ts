import type { SlotKind } from './list-slots';

/**
 * Where a value of each attribute type is stored. `request_values` has one typed column per kind, so
 * comparisons and sorting use the column's own order (numbers as numbers, instants as instants).
 */
export type ValueKind = 'string' | 'text' | 'number' | 'instant';

export const VALUE_COLUMN: Record<ValueKind, 'valueString' | 'valueText' | 'valueNumber' | 'valueInstant'> = {
  string: 'valueString',
  text: 'valueText',
  number: 'valueNumber',
  instant: 'valueInstant',
};

/** Long text cannot be a list column: it is not indexed (full-text search covers it). */
export const SLOT_KIND_OF_VALUE: Record<ValueKind, SlotKind | null> = { string: 'text', text: null, number: 'number', instant: 'instant' };

/** Longest string kept in an indexed column (utf8mb4 index prefix limit of 767 bytes). */
export const MAX_INDEXED_STRING = 191;

/** A value as stored: exactly one typed column set. */
export interface StoredValue {
  valueString: string | null;
  valueText: string | null;
  valueNumber: number | null;
  valueInstant: Date | null;
}

export function toStoredValue(kind: ValueKind, value: string | number | boolean | Date): StoredValue {
  const stored: StoredValue = { valueString: null, valueText: null, valueNumber: null, valueInstant: null };
  if (kind === 'number') stored.valueNumber = typeof value === 'boolean' ? Number(value) : Number(value);
  else if (kind === 'instant') stored.valueInstant = value instanceof Date ? value : new Date(String(value));
  else if (kind === 'text') stored.valueText = String(value);
  else stored.valueString = String(value).slice(0, MAX_INDEXED_STRING);
  return stored;
}
