import { QueryFailedError } from 'typeorm';

const DUPLICATE_KEY_CODES = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** A unique or primary key refused an insert (on either database). */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof QueryFailedError && DUPLICATE_KEY_CODES.has(String((error.driverError as { code?: string })?.code));
}
