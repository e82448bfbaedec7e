import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ExternalSourceError, SqlSource } from '../../server/src/dictionaries/external/external-source';
import { readSqlSource } from '../../server/src/dictionaries/external/sql-source';
import { createScratchDatabase, ScratchDatabase, testDatabases } from '../helpers/databases';

describe.each(testDatabases())('external SQL dictionaries read from %s', (database) => {
  let scratch: ScratchDatabase;
  let connections: Record<string, string>;
  const source = (query: string, extra: Partial<SqlSource> = {}): SqlSource => ({
    kind: 'sql',
    connection: 'billing',
    query,
    codeColumn: 'code',
    nameColumn: 'title',
    parentColumn: 'parent',
    timeoutMs: 5000,
    ...extra,
  });

  beforeAll(async () => {
    scratch = await createScratchDatabase(database);
    const url = database === 'sqlite' ? scratch.url : scratch.url.replace(/^mariadb:/, 'mysql:');
    const setup = new DataSource(database === 'sqlite' ? { type: 'better-sqlite3', database: url.slice('sqlite:'.length) } : { type: 'mysql', url });
    await setup.initialize();
    await setup.query('CREATE TABLE tariffs (code VARCHAR(20), title VARCHAR(100), parent VARCHAR(20), active INT)');
    await setup.query("INSERT INTO tariffs VALUES ('BASE', 'Base', NULL, 1), ('PLUS', 'Plus', 'BASE', 1), ('OLD', 'Old', NULL, 0), ('DUP', 'One', NULL, 2), ('DUP', 'Two', NULL, 2)");
    await setup.destroy();
    connections = { billing: url };
  });
  afterAll(() => scratch?.drop());

  it('reads the fixed SELECT into items', async () => {
    const items = await readSqlSource(source('SELECT code, title, parent FROM tariffs WHERE active = 1 ORDER BY code'), connections);
    expect(items).toEqual([
      { code: 'BASE', name: 'Base', parentCode: null },
      { code: 'PLUS', name: 'Plus', parentCode: 'BASE' },
    ]);
  });

  it.each([
    ['an unknown connection', source('SELECT code, title FROM tariffs', { connection: 'crm' }), 'not configured'],
    ['a missing table', source('SELECT code, title FROM nothing_here'), 'the query failed'],
    ['a duplicate code', source('SELECT code, title, parent FROM tariffs WHERE active = 2'), 'appears twice'],
    ['a missing code column', source('SELECT title FROM tariffs'), 'has no "code"'],
    ['a statement that writes', source('UPDATE tariffs SET active = 0'), 'single SELECT'],
  ])('reports %s as a source failure', async (_what, failing, message) => {
    const attempt = readSqlSource(failing, connections);
    await expect(attempt).rejects.toThrow(ExternalSourceError);
    await expect(readSqlSource(failing, connections)).rejects.toThrow(message);
  });
});
