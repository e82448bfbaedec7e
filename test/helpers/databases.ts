import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../server/src/database/data-source-options';

export type TestDatabase = 'sqlite' | 'mariadb';

/** Every integration test runs on each of these; MariaDB is never skipped silently (an unreachable server fails). */
export function testDatabases(): TestDatabase[] {
  const wanted = (process.env.DOCKET_TEST_DATABASES ?? 'sqlite,mariadb').split(',').map((name) => name.trim());
  return wanted.filter((name): name is TestDatabase => name === 'sqlite' || name === 'mariadb');
}

const MARIADB_SERVER = process.env.DOCKET_TEST_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database for one test file: a temporary SQLite file, or a new MariaDB schema. */
export async function createScratchDatabase(kind: TestDatabase): Promise<ScratchDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'docket-test-'));
    return { url: `sqlite:${join(dir, 'docket.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `docket_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const server = MARIADB_SERVER.replace(/^mariadb:/, 'mysql:');
  const admin = await createConnection(server);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    url: `${MARIADB_SERVER.replace(/\/$/, '')}/${name}`,
    drop: async () => {
      const connection = await createConnection(server);
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}

/** A fresh database of `kind` with every migration run, and a data source on it opened as the server opens its own. */
export async function migratedScratchDatabase(kind: TestDatabase): Promise<{ scratch: ScratchDatabase; dataSource: DataSource }> {
  const scratch = await createScratchDatabase(kind);
  const dataSource = new DataSource(dataSourceOptions({ databaseUrl: scratch.url, driver: kind === 'sqlite' ? 'sqlite' : 'mysql' }));
  await dataSource.initialize();
  await dataSource.runMigrations();
  return { scratch, dataSource };
}
