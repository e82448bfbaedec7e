import { Column, ColumnOptions } from 'typeorm';

/** Millisecond UTC instants on both databases (mysql2 is configured with timezone 'Z'). */
export const INSTANT: ColumnOptions = { type: 'datetime', precision: 3 };

export function InstantColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ ...INSTANT, ...options });
}
