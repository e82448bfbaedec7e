import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../server/src/database/data-source-options';
import { createScratchDatabase, ScratchDatabase, testDatabases } from '../helpers/databases';

// Job claiming needs READ COMMITTED; it is set once per pooled connection, not per transaction. SQLite has no levels.
const onMariadb = testDatabases().includes('mariadb') ? describe : describe.skip;

onMariadb('MariaDB sessions', () => {
  let scratch: ScratchDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    scratch = await createScratchDatabase('mariadb');
    dataSource = new DataSource({ ...dataSourceOptions({ databaseUrl: scratch.url, driver: 'mysql' }), migrations: [] });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await scratch?.drop();
  });

  it('runs every transaction and every plain statement at READ COMMITTED with long GROUP_CONCATs, on every connection of the pool', async () => {
    const levels = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        index % 2
          ? dataSource.transaction(async (manager) => {
              const [row] = await manager.query('SELECT @@SESSION.tx_isolation AS level, @@SESSION.group_concat_max_len AS concatLength, CONNECTION_ID() AS connection, SLEEP(0.05) AS slept');
              return row as { level: string; concatLength: number; connection: number };
            })
          : dataSource.query('SELECT @@SESSION.tx_isolation AS level, @@SESSION.group_concat_max_len AS concatLength, CONNECTION_ID() AS connection, SLEEP(0.05) AS slept').then(([row]) => row as { level: string; concatLength: number; connection: number }),
      ),
    );
    expect(new Set(levels.map((row) => row.level))).toEqual(new Set(['READ-COMMITTED']));
    // Room for a user's queue ids in one GROUP_CONCAT (MySQL's default would cut them at 1,024 bytes).
    expect(new Set(levels.map((row) => Number(row.concatLength)))).toEqual(new Set([1048576]));
    // The statements overlapped, so they ran on several connections, each set up on its own.
    expect(new Set(levels.map((row) => row.connection)).size).toBeGreaterThan(1);
  });

  it('reads what another transaction committed meanwhile (which REPEATABLE READ would hide)', async () => {
    await dataSource.query('CREATE TABLE probe (id INT PRIMARY KEY, n INT)');
    await dataSource.query('INSERT INTO probe VALUES (1, 1)');
    const seen = await dataSource.transaction(async (manager) => {
      const [first] = await manager.query('SELECT n FROM probe WHERE id = 1');
      await dataSource.query('UPDATE probe SET n = 2 WHERE id = 1');
      const [second] = await manager.query('SELECT n FROM probe WHERE id = 1');
      return [first.n, second.n];
    });
    expect(seen).toEqual([1, 2]);
  });

  it('reaches the server through its Unix socket when the URL names one (host and port are then unused)', async () => {
    const [{ socket }] = await dataSource.query('SELECT @@socket AS socket');
    const url = new URL(scratch.url);
    url.hostname = 'no-such-host.invalid';
    url.port = '1';
    url.searchParams.set('socket', socket);
    const throughSocket = new DataSource({ ...dataSourceOptions({ databaseUrl: url.toString(), driver: 'mysql' }), migrations: [] });
    await throughSocket.initialize();
    try {
      const [row] = await throughSocket.query('SELECT DATABASE() AS name, @@SESSION.tx_isolation AS level');
      expect(row).toEqual({ name: url.pathname.slice(1), level: 'READ-COMMITTED' });
    } finally {
      await throughSocket.destroy();
    }
  });
});
