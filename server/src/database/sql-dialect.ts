import type { EntityManager } from 'typeorm';

/**
 * Date arithmetic in the SQL of the database at hand. Instants are stored as UTC: SQLite keeps them as
 * `YYYY-MM-DD HH:MM:SS.SSS` text, MariaDB/MySQL as DATETIME(3), so each function has one form per engine.
 */
export interface SqlDialect {
  /** `YYYY-MM-DD` of the instant. */
  dayOf(column: string): string;
  /** `YYYY-MM` of the instant. */
  monthOf(column: string): string;
  /** `YYYY-MM-DD` of the Monday starting the instant's ISO week. */
  weekOf(column: string): string;
  /** Seconds from one instant to a later one. */
  secondsBetween(from: string, to: string): string;
  /** The instant `days` whole days before another. */
  daysBefore(column: string, days: number): string;
}

const SQLITE: SqlDialect = {
  dayOf: (column) => `substr(${column}, 1, 10)`,
  monthOf: (column) => `substr(${column}, 1, 7)`,
  weekOf: (column) => `date(${column}, '-' || ((CAST(strftime('%w', ${column}) AS INTEGER) + 6) % 7) || ' days')`,
  secondsBetween: (from, to) => `((julianday(${to}) - julianday(${from})) * 86400.0)`,
  // strftime keeps the milliseconds, so the result compares with stored instants as text.
  daysBefore: (column, days) => `strftime('%Y-%m-%d %H:%M:%f', ${column}, '-${integer(days)} days')`,
};

const MYSQL: SqlDialect = {
  dayOf: (column) => `DATE_FORMAT(${column}, '%Y-%m-%d')`,
  monthOf: (column) => `DATE_FORMAT(${column}, '%Y-%m')`,
  weekOf: (column) => `DATE_FORMAT(DATE_SUB(${column}, INTERVAL WEEKDAY(${column}) DAY), '%Y-%m-%d')`,
  secondsBetween: (from, to) => `TIMESTAMPDIFF(MICROSECOND, ${from}, ${to}) / 1000000.0`,
  daysBefore: (column, days) => `DATE_SUB(${column}, INTERVAL ${integer(days)} DAY)`,
};

export function sqlDialect(manager: EntityManager): SqlDialect {
  return manager.connection.options.type === 'better-sqlite3' ? SQLITE : MYSQL;
}

/** Numbers written into SQL text must be integers, whatever the caller passed. */
function integer(value: number): number {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return value;
}
