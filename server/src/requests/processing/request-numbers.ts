import type { DataSource, EntityManager, EntityTarget, QueryRunner } from 'typeorm';
import { formatRequestNumber, numberingYear } from '../domain/request-number';
import { RequestCounter } from '../entities/request-counter.entity';
import { isDuplicateKey } from './duplicate-key';

export interface YearCounter {
  year: number;
  lastNumber: number;
}

/** The next request number of the year (see nextYearlyNumber). */
export async function nextRequestNumber(manager: EntityManager, now: Date): Promise<string> {
  return nextYearlyNumber(manager, RequestCounter, 'REQ', now);
}

/**
 * The next number of the year for a kind of record with its own counter table (requests `REQ`, problems `PRB`):
 * unique, and increasing in the order numbers are taken.
 *
 * On MariaDB/MySQL the counter moves in a statement of its own on a connection kept for it, so its row lock
 * lasts one statement instead of the caller's whole transaction, and registrations no longer queue behind one
 * another; the price is a gap when the caller's transaction rolls back after taking its number, as in most
 * trackers. SQLite has a single writer anyway: there the counter moves in the caller's transaction, without gaps.
 */
export async function nextYearlyNumber(manager: EntityManager, counter: EntityTarget<YearCounter>, prefix: string, now: Date): Promise<string> {
  const year = numberingYear(now);
  const number = manager.connection.options.type === 'better-sqlite3' ? await inTransaction(manager, counter, year) : await counterConnectionOf(manager.connection).next(manager.connection.getMetadata(counter).tableName, year);
  return formatRequestNumber(year, number, prefix);
}

async function inTransaction(manager: EntityManager, counter: EntityTarget<YearCounter>, year: number): Promise<number> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const updated = await manager.createQueryBuilder().update(counter).set({ lastNumber: () => 'lastNumber + 1' }).where('year = :year', { year }).execute();
    if (updated.affected) return (await manager.findOneByOrFail(counter, { year })).lastNumber;
    try {
      await manager.insert(counter, { year, lastNumber: 1 });
      return 1;
    } catch (error) {
      // Another transaction numbered the year's first record meanwhile: take the next one from its row.
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new Error(`could not number a record in ${year}`);
}

const counterConnections = new WeakMap<DataSource, CounterConnection>();

function counterConnectionOf(dataSource: DataSource): CounterConnection {
  let connection = counterConnections.get(dataSource);
  if (!connection) counterConnections.set(dataSource, (connection = new CounterConnection(dataSource)));
  return connection;
}

/**
 * A connection of the pool kept for the counters, in autocommit. Taken once, not per number: a caller inside
 * a transaction already holds one pool connection, and waiting for a second could starve the pool.
 */
class CounterConnection {
  private runner: QueryRunner | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async next(table: string, year: number): Promise<number> {
    const runner = this.runner ?? (this.runner = this.dataSource.createQueryRunner('master'));
    const name = this.dataSource.driver.escape(table);
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        // LAST_INSERT_ID(expr) hands the new value back in the statement's own result, so no second read races it.
        const moved = await runner.query(`UPDATE ${name} SET lastNumber = LAST_INSERT_ID(lastNumber + 1) WHERE year = ?`, [year], true);
        if (moved.affected) return Number((moved.raw as { insertId: number }).insertId);
        await runner.query(`INSERT IGNORE INTO ${name} (year, lastNumber) VALUES (?, 0)`, [year]);
      }
    } catch (error) {
      // A broken connection is not kept: the next number is taken on a fresh one.
      this.runner = null;
      await runner.release().catch(() => undefined);
      throw error;
    }
    throw new Error(`could not number a record in ${year}`);
  }
}
