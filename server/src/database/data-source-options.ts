import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';
import { DocketConfig, sqlitePath } from '../config/docket-config';
import { ConfigurationRevisionSubscriber } from './configuration-cache';
import { entities } from './entities';
import { readCommittedMysql } from './mysql-driver';
import { TransactionScopeSubscriber } from './transaction-scope';

const SUBSCRIBERS: DataSourceOptions['subscribers'] = [TransactionScopeSubscriber, ConfigurationRevisionSubscriber];

/** One TypeORM model for both databases; only connection details differ. */
export function dataSourceOptions(config: Pick<DocketConfig, 'databaseUrl' | 'driver'>): DataSourceOptions {
  const common = { entities, migrations, subscribers: SUBSCRIBERS, synchronize: false, migrationsRun: false, logging: false } as const;
  if (config.driver === 'sqlite') {
    const database = sqlitePath(config.databaseUrl);
    if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database,
      enableWAL: database !== ':memory:',
      // Several request handlers share one file; wait for the writer instead of failing at once.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('busy_timeout = 5000');
      },
    };
  }
  const { url, socketPath } = mysqlConnection(config.databaseUrl);
  return {
    ...common,
    type: config.databaseUrl.startsWith('mariadb:') ? 'mariadb' : 'mysql',
    url,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    driver: readCommittedMysql,
    // `trace` would capture a stack for every query in case it fails; TypeORM's error names the query anyway.
    // Prepared statements (plain-rows' multi-row inserts) kept per connection: with 20 connections a process holds at
    // most 1,280, so several processes stay well under the server's max_prepared_stmt_count (16,382 by default).
    extra: { connectionLimit: 20, maxPreparedStatements: 64, dateStrings: false, decimalNumbers: true, trace: false, ...(socketPath ? { socketPath } : {}) },
  };
}

/**
 * `mariadb://user:pass@host:3306/db?socket=/run/mysqld/mysqld.sock`: a server on the same machine reached through its
 * Unix socket (host and port are then ignored), which costs a fraction of a loopback TCP round trip per statement.
 */
export function mysqlConnection(databaseUrl: string): { url: string; socketPath?: string } {
  const url = databaseUrl.replace(/^mariadb:/, 'mysql:');
  const parsed = new URL(url);
  const socketPath = parsed.searchParams.get('socket');
  if (!socketPath) return { url };
  parsed.searchParams.delete('socket');
  return { url: parsed.toString(), socketPath };
}
