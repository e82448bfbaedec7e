import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { entityColumns } from '../database/entity-rows';
import { SqlExpression, updateByIds } from '../database/plain-rows';
import type { LeasedRow, LeaseState } from './entities/leased-row';

export interface ClaimOptions {
  now: Date;
  limit: number;
  leaseMs: number;
}

/** Rolls back a batch some of whose rows another process has taken over. */
const LEASE_LOST = new Error('lease lost');

/** Retry delays after a failed attempt: `baseMs` (30 s), four times longer after each further one, capped at an hour. */
export function retryDelayMs(attempts: number, baseMs = 30_000): number {
  return Math.min(baseMs * 4 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * Claims due rows of a leased table for one process at a time. MariaDB and MySQL lock the candidates
 * with `FOR UPDATE SKIP LOCKED` so concurrent claimers take disjoint batches without waiting; SQLite
 * has one writer, so a single UPDATE over a sub-select is already exclusive. Either way a batch is
 * recognised afterwards by its unique owner tag.
 */
export class LeasedQueue<Row extends LeasedRow & ObjectLiteral> {
  private batch = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly target: EntityTarget<Row>,
    readonly instance: string = randomUUID().slice(0, 8),
  ) {}

  /** Whether a claim may run while another transaction of this process is open: SQLite has one connection for all. */
  get claimsAlongside(): boolean {
    return this.dataSource.options.type !== 'better-sqlite3';
  }

  async claim({ now, limit, leaseMs }: ClaimOptions): Promise<Row[]> {
    const owner = `${this.instance}#${++this.batch}`;
    const leaseUntil = new Date(now.getTime() + leaseMs);
    if (!this.claimsAlongside) {
      const due = this.dueRows(this.dataSource.manager, now, limit).select('due.id');
      await this.dataSource.manager
        .createQueryBuilder()
        .update(this.target)
        .set({ state: 'running', owner, leaseUntil, attempts: () => 'attempts + 1' } as never)
        .where(`id IN (${due.getQuery()})`)
        .setParameters(due.getParameters())
        .execute();
      return this.leasedTo(owner);
    }
    // The locked rows are the claim: once the UPDATE commits they hold exactly what it wrote, so they are not read again.
    const claimed = await this.dataSource.transaction(async (manager) => {
      // Two index-ordered ranges rather than one OR: an OR forces a sort, and InnoDB then locks every
      // due row it read, so a second process would find them all locked and claim nothing.
      const due = await this.lockFree(manager, 'pending', 'dueAt', now, limit);
      const expired = due.length < limit ? await this.lockFree(manager, 'running', 'leaseUntil', now, limit - due.length) : [];
      const rows = [...due, ...expired];
      await this.mark(manager, rows, { state: 'running', owner, leaseUntil, attempts: new SqlExpression('attempts + 1') });
      return rows;
    });
    for (const row of claimed) Object.assign(row, { state: 'running', owner, leaseUntil, attempts: row.attempts + 1 });
    return claimed.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  }

  /**
   * Claims due rows and works them off in the one transaction that locks them, where claims lock rows
   * (MariaDB, MySQL): the row lock is the lease while the transaction lives, so a process dying rolls the
   * claim back with its work. `work` answers the rows it completed: they are marked done; the others are
   * leased as `claim` leases them, for the caller to run after the commit. If `work` throws, nothing is
   * kept and the rows are due again.
   */
  async claimLocked({ now, limit, leaseMs }: ClaimOptions, work: (rows: Row[], manager: EntityManager) => Promise<readonly Row[]>): Promise<{ completed: Row[]; leased: Row[] }> {
    const owner = `${this.instance}#${++this.batch}`;
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const { completed, leased } = await this.dataSource.transaction(async (manager) => {
      const due = await this.lockFree(manager, 'pending', 'dueAt', now, limit);
      if (!due.length) return { completed: [], leased: [] };
      const done = new Set(await work(due, manager));
      const [completed, leased] = [due.filter((row) => done.has(row)), due.filter((row) => !done.has(row))];
      await this.mark(manager, completed, { state: 'done', owner, finishedAt: now, attempts: new SqlExpression('attempts + 1') });
      await this.mark(manager, leased, { state: 'running', owner, leaseUntil, attempts: new SqlExpression('attempts + 1') });
      return { completed, leased };
    });
    for (const row of completed) Object.assign(row, { state: 'done', owner, finishedAt: now, attempts: row.attempts + 1 });
    for (const row of leased) Object.assign(row, { state: 'running', owner, leaseUntil, attempts: row.attempts + 1 });
    return { completed, leased };
  }

  /** Leases those of `rows` still pending (a batch `claimLocked` rolled back), as `claim` leases, to run them one by one. */
  async claimRows(rows: readonly Row[], { now, leaseMs }: Omit<ClaimOptions, 'limit'>): Promise<Row[]> {
    const owner = `${this.instance}#${++this.batch}`;
    await this.mark(this.dataSource.manager, rows, { state: 'running', owner, leaseUntil: new Date(now.getTime() + leaseMs), attempts: new SqlExpression('attempts + 1') }, { state: 'pending' });
    return this.leasedTo(owner);
  }

  /** The rows one claim leased, read back by its unique owner tag. */
  private leasedTo(owner: string): Promise<Row[]> {
    return this.dataSource.getRepository(this.target).find({ where: { owner, state: 'running' } as never, order: { dueAt: 'ASC' } as never });
  }

  /**
   * Runs `work` and marks the row done in one transaction, only while this claim still holds the row:
   * if the lease was lost to another process, nothing `work` did is kept.
   */
  async complete(row: Row, now: Date, work: (manager: EntityManager) => Promise<void>): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const marked = await this.finish(manager, row, { state: 'done', finishedAt: now, leaseUntil: null });
      if (!marked) return false;
      await work(manager);
      return true;
    });
  }

  /**
   * `complete` for rows of one claim at once: one transaction, one conditional UPDATE. Answers false, keeping
   * nothing, when the claim no longer holds every one of them; the caller then completes them one by one.
   */
  async completeAll(rows: readonly Row[], now: Date, work: (manager: EntityManager) => Promise<void>): Promise<boolean> {
    const owner = rows[0]?.owner;
    if (!owner || rows.some((row) => row.owner !== owner)) return false;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const marked = await this.mark(manager, rows, { state: 'done', finishedAt: now, leaseUntil: null }, { owner, state: 'running' });
        if (marked !== rows.length) throw LEASE_LOST;
        await work(manager);
        return true;
      });
    } catch (error) {
      if (error === LEASE_LOST) return false;
      throw error;
    }
  }

  /** Puts a failed row back for a later attempt (see retryDelayMs), or gives up on it after `maxAttempts`. */
  async fail(row: Row, now: Date, error: unknown, maxAttempts: number, retryBaseMs?: number): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const givingUp = row.attempts >= maxAttempts;
    await this.finish(this.dataSource.manager, row, givingUp ? { state: 'failed', finishedAt: now, leaseUntil: null, lastError: message } : { state: 'pending', dueAt: new Date(now.getTime() + retryDelayMs(row.attempts, retryBaseMs)), leaseUntil: null, owner: null, lastError: message });
  }

  private async finish(manager: EntityManager, row: Row, changes: Partial<LeasedRow>): Promise<boolean> {
    return (await this.mark(manager, [row], changes, { owner: row.owner as string, state: 'running' })) === 1;
  }

  /** Changes the rows (only those still holding `unchanged`) in one plain UPDATE; the number changed. */
  private mark(manager: EntityManager, rows: readonly Row[], changes: { [Column in keyof LeasedRow]?: LeasedRow[Column] | SqlExpression }, unchanged: Partial<LeasedRow> = {}): Promise<number> {
    return updateByIds<LeasedRow>(manager, this.target as EntityTarget<LeasedRow>, rows.map((row) => row.id), changes, unchanged);
  }

  /** Rows in `state` whose `column` is before now, in that index's order, locked, skipping rows another process holds. */
  private async lockFree(manager: EntityManager, state: LeaseState, column: 'dueAt' | 'leaseUntil', now: Date, limit: number): Promise<Row[]> {
    // Plain SQL: a batch of claimed rows is hydrated as TypeORM would, without the query builder's cost per row.
    const { driver } = manager.connection;
    const metadata = manager.connection.getMetadata(this.target);
    const columns = entityColumns(manager, this.target);
    const instant = driver.preparePersistentValue(now, metadata.findColumnWithPropertyName(column)!);
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${columns.select('due')} FROM ${driver.escape(metadata.tableName)} due WHERE due.state = ? AND due.${column} <= ? ORDER BY due.${column} LIMIT ${Number(limit)} FOR UPDATE SKIP LOCKED`,
      [state, instant],
    );
    return rows.map((row) => columns.hydrate(row));
  }

  private dueRows(manager: EntityManager, now: Date, limit: number) {
    return manager
      .createQueryBuilder(this.target, 'due')
      .where('(due.state = :pending AND due.dueAt <= :now) OR (due.state = :running AND due.leaseUntil <= :now)', { pending: 'pending', running: 'running', now })
      .orderBy('due.dueAt', 'ASC')
      .limit(limit);
  }
}
