import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';
import { DocketConfig, sqlitePath } from '../config/docket-config';
import { ConfigurationRevisionSubscriber } from './configuration-cache';
import { entities } from './entities';

const SUBSCRIBERS: DataSourceOptions['subscribers'] = [ConfigurationRevisionSubscriber];

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
  return {
    ...common,
    type: config.databaseUrl.startsWith('mariadb:') ? 'mariadb' : 'mysql',
    url: config.databaseUrl.replace(/^mariadb:/, 'mysql:'),
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    // REPEATABLE READ (the server default) invites gap-lock deadlocks when jobs are claimed.
    isolationLevel: 'READ COMMITTED',
    extra: { connectionLimit: 20, dateStrings: false, decimalNumbers: true },
  };
}
