/**
 * Reports and the dashboard read from a read replica when DOCKET_REPORTS_DATABASE_URL names one, everything else from
 * the primary. The replica here is a second MariaDB database that the test brings up to date itself, table by table,
 * as replication would: between two copies, what the primary wrote shows in the list but not yet in the reports.
 */
import { createConnection, type RowDataPacket } from 'mysql2/promise';
import { startTestApp, TestApp } from '../helpers/app';
import { createScratchDatabase, testDatabases, type ScratchDatabase } from '../helpers/databases';
import { setUpDesk, type Desk } from '../helpers/desk';

const onMariadb = testDatabases().includes('mariadb') ? describe : describe.skip;
const databaseOf = (url: string) => new URL(url.replace(/^mariadb:/, 'mysql:')).pathname.slice(1);

onMariadb('reports on a read replica (mariadb)', () => {
  let replica: ScratchDatabase;
  let t: TestApp;
  let desk: Desk;

  beforeAll(async () => {
    replica = await createScratchDatabase('mariadb');
    t = await startTestApp('mariadb', { DOCKET_REPORTS_DATABASE_URL: replica.url, DOCKET_SCHEDULER: '0' });
    desk = await setUpDesk(() => t);
  });

  afterAll(async () => {
    await t?.close();
    await replica?.drop();
  });

  /** The replica made a copy of the primary as it is now. */
  async function replicate(): Promise<void> {
    const connection = await createConnection(t.databaseUrl.replace(/^mariadb:/, 'mysql:'));
    try {
      const [primary, copy] = [databaseOf(t.databaseUrl), databaseOf(replica.url)];
      const [tables] = await connection.query<RowDataPacket[]>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'", [primary]);
      for (const { name } of tables) {
        await connection.query(`DROP TABLE IF EXISTS \`${copy}\`.\`${name}\``);
        await connection.query(`CREATE TABLE \`${copy}\`.\`${name}\` LIKE \`${primary}\`.\`${name}\``);
        await connection.query(`INSERT INTO \`${copy}\`.\`${name}\` SELECT * FROM \`${primary}\`.\`${name}\``);
      }
    } finally {
      await connection.end();
    }
  }

  const reported = async () => (await desk.api.ok('admin', 'POST', '/api/reports/run', { definition: { dataset: 'requests', groupBy: ['queue'], measures: ['count'] } }, 200)).rows;
  const backlog = async () => (await desk.api.ok('admin', 'GET', '/api/reports/dashboard', undefined, 200)).backlog.find((row: { code: string }) => row.code === 'FIRST')?.open ?? 0;

  it('counts what the replica holds, while the list reads the primary', async () => {
    for (const subject of ['Meter broken', 'Cable cut']) await desk.newRequest('olga', 'FIRST', subject);
    await replicate();
    await desk.newRequest('olga', 'FIRST', 'Written after the copy');

    expect(await reported()).toEqual([expect.objectContaining({ queueId: desk.ids.FIRST, count: 2 })]);
    expect(await backlog()).toBe(2);
    const listed = await desk.api.ok('olga', 'GET', '/api/requests?view=queue', undefined, 200);
    expect(listed.total).toBe(3);

    await replicate();
    expect(await reported()).toEqual([expect.objectContaining({ queueId: desk.ids.FIRST, count: 3 })]);
    expect(await backlog()).toBe(3);
  });
});
