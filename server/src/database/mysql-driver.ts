import * as mysql2 from 'mysql2';

/**
 * mysql2 as TypeORM loads it, except that every pooled connection runs its whole session at READ COMMITTED
 * (and with room for long GROUP_CONCATs):
 * REPEATABLE READ (the server default) invites gap-lock deadlocks when jobs are claimed, and setting the level
 * once per connection spares every transaction the round trip of TypeORM's per-transaction `SET TRANSACTION`.
 */
export const readCommittedMysql: typeof mysql2 = {
  ...mysql2,
  // TypeORM always passes an options object.
  createPool(options: mysql2.PoolOptions) {
    const pool = mysql2.createPool(options);
    // Queued on the new connection before the pool hands it to anyone, so no statement runs at another level.
    pool.on('connection', (connection) => {
      connection.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
      // MySQL cuts a GROUP_CONCAT at 1,024 bytes by default (MariaDB at 1 MB): a user's queue ids must arrive whole.
      connection.query('SET SESSION group_concat_max_len = 1048576');
    });
    return pool;
  },
} as typeof mysql2;
