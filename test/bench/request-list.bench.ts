/**
 * Queue lists over 1,000,000 requests on MariaDB: filter by two attributes, sort by a third, one page
 * plus its total count, from the largest queue — for plain indexed columns (the baseline), for
 * attributes shown as list columns (slots), and for attributes kept only as typed values.
 *
 * The data set is kept between runs in the database `docket_bench_list` (set BENCH_RELOAD=1 to rebuild).
 */
import 'reflect-metadata';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../server/src/database/data-source-options';
import { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { RequestListQuery } from '../../server/src/requests/list/request-list.query';
import type { RequestListSpec } from '../../server/src/requests/list/request-list.types';
import { ensureSlotIndex } from '../../server/src/requests/storage/slot-index';
import { CITIES, generateRequest, insertRequests, REGIONS, SAMPLE_ATTRIBUTES, seededRandom, STATUSES } from '../helpers/request-data';

const SERVER = (process.env.DOCKET_TEST_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/^mariadb:/, 'mysql:');
const DATABASE = 'docket_bench_list';
const TOTAL = Number(process.env.BENCH_REQUESTS ?? 1_000_000);
const PLAN = { weights: [10, ...Array.from({ length: 30 }, () => 3)], openShare: 0.3 };
const DATA_VERSION = `v1-${TOTAL}`;
const ATTRIBUTES = new Map(SAMPLE_ATTRIBUTES.map((attribute) => [attribute.code, attribute]));
const ROUNDS = 40;

jest.setTimeout(60 * 60 * 1000);

async function prepare(): Promise<DataSource> {
  const admin = await createConnection(SERVER);
  const [rows] = await admin.query(`SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ? AND table_name = 'bench_marker'`, [DATABASE]);
  let fresh = process.env.BENCH_RELOAD === '1' || Number((rows as { n: number }[])[0].n) === 0;
  if (!fresh) {
    const [marker] = await admin.query(`SELECT version FROM \`${DATABASE}\`.bench_marker`);
    fresh = (marker as { version: string }[])[0]?.version !== DATA_VERSION;
  }
  if (fresh) {
    await admin.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``);
    await admin.query(`CREATE DATABASE \`${DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  await admin.end();
  const dataSource = new DataSource(dataSourceOptions({ databaseUrl: `${SERVER}/${DATABASE}`, driver: 'mysql' }));
  await dataSource.initialize();
  // A kept data set takes the migrations added since it was loaded.
  await dataSource.runMigrations();
  if (!fresh) return dataSource;
  const runner = dataSource.createQueryRunner();
  for (const attribute of SAMPLE_ATTRIBUTES) if (attribute.slot) await ensureSlotIndex(runner, attribute.slot);
  await runner.release();
  const random = seededRandom(2026);
  const started = Date.now();
  const chunk = 5000;
  for (let first = 1; first <= TOTAL; first += chunk) {
    const batch = Array.from({ length: Math.min(chunk, TOTAL - first + 1) }, (_, index) => generateRequest(first + index, random, PLAN));
    await insertRequests(dataSource, batch, 2500);
    if ((first - 1) % 100_000 === 0) process.stdout.write(`  loaded ${first - 1} requests in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
  await dataSource.query('ANALYZE TABLE requests, request_values');
  await dataSource.query('CREATE TABLE bench_marker (version varchar(64))');
  await dataSource.query('INSERT INTO bench_marker VALUES (?)', [DATA_VERSION]);
  process.stdout.write(`  loaded ${TOTAL} requests in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  return dataSource;
}

interface Figures {
  median: number;
  p95: number;
  total: number;
}

async function measure(dataSource: DataSource, specFor: (round: number) => RequestListSpec): Promise<Figures> {
  const repository = dataSource.getRepository(CustomerRequest);
  const timings: number[] = [];
  let total = 0;
  for (let round = -5; round < ROUNDS; round++) {
    const spec = specFor(Math.abs(round));
    const started = performance.now();
    const { items: page, total: count } = await new RequestListQuery(ATTRIBUTES).fetch(() => repository.createQueryBuilder('r'), spec);
    const elapsed = performance.now() - started;
    if (page.length === 0) throw new Error(`an empty page measures nothing: ${JSON.stringify(spec)}`);
    if (round >= 0) {
      timings.push(elapsed);
      total += count;
    }
  }
  timings.sort((a, b) => a - b);
  return { median: timings[Math.floor(timings.length / 2)], p95: timings[Math.floor(timings.length * 0.95)], total: Math.round(total / ROUNDS) };
}

const page = (filters: RequestListSpec['filters'], sort: RequestListSpec['sort']): RequestListSpec => ({ queueIds: [1], open: true, filters, sort, page: 1, pageSize: 50 });

/**
 * A server holding a million requests keeps its working set in memory; MariaDB's default buffer pool
 * (128 MB) would turn every query into disk reads. Raised for the run (it is dynamic) and put back after.
 */
async function withBufferPool<T>(dataSource: DataSource, bytes: number, run: () => Promise<T>): Promise<{ result: T; before: number; during: number }> {
  const [{ size: before }] = await dataSource.query('SELECT @@innodb_buffer_pool_size AS size');
  if (Number(before) < bytes) await dataSource.query(`SET GLOBAL innodb_buffer_pool_size = ${bytes}`);
  const [{ size: during }] = await dataSource.query('SELECT @@innodb_buffer_pool_size AS size');
  try {
    return { result: await run(), before: Number(before), during: Number(during) };
  } finally {
    if (Number(before) < bytes) await dataSource.query(`SET GLOBAL innodb_buffer_pool_size = ${Number(before)}`);
  }
}

const BUFFER_POOL_BYTES = 3 * 1024 ** 3;

test('queue list over a million requests', async () => {
  const dataSource = await prepare();
  const pool = await withBufferPool(dataSource, BUFFER_POOL_BYTES, () => measureAll(dataSource));
  await dataSource.destroy();
  report(pool.result, pool.before, pool.during);
});

interface Run {
  open: number;
  allOpen: number;
  plain: Figures;
  listColumns: Figures;
  storedOnly: Figures;
  sortOnly: Figures;
}

/** Reads every index of the two tables once, so the figures are of a warm server, not of the disk. */
async function warmUp(dataSource: DataSource): Promise<void> {
  const indexes: { tableName: string; indexName: string }[] = await dataSource.query(
    `SELECT DISTINCT table_name AS tableName, index_name AS indexName FROM information_schema.statistics WHERE table_schema = ? AND table_name IN ('requests', 'request_values')`,
    [DATABASE],
  );
  for (const { tableName, indexName } of indexes) await dataSource.query(`SELECT COUNT(*) FROM \`${tableName}\` FORCE INDEX (\`${indexName}\`)`);
}

async function measureAll(dataSource: DataSource): Promise<Run> {
  await warmUp(dataSource);
  const [{ open }] = await dataSource.query('SELECT COUNT(*) AS open FROM requests WHERE queueId = 1 AND isOpen = 1');
  const [{ allOpen }] = await dataSource.query('SELECT COUNT(*) AS allOpen FROM requests WHERE isOpen = 1');
  const plain = await measure(dataSource, (round) =>
    page([{ field: 'priority', op: 'in', value: [1 + (round % 4), 1 + ((round + 1) % 4)] }, { field: 'status', op: 'eq', value: STATUSES[round % STATUSES.length] }], [{ field: 'createdAt', direction: 'desc' }]),
  );
  const listColumns = await measure(dataSource, (round) =>
    page([{ field: 'attr.city', op: 'in', value: [CITIES[round % 12], CITIES[(round + 5) % 12], CITIES[(round + 7) % 12]] }, { field: 'attr.amount', op: 'gte', value: 1000 + (round % 5) * 1000 }], [{ field: 'attr.contract_date', direction: 'desc' }]),
  );
  const storedOnly = await measure(dataSource, (round) =>
    page([{ field: 'attr.region', op: 'eq', value: REGIONS[round % REGIONS.length] }, { field: 'attr.score', op: 'gte', value: 20 + (round % 6) * 10 }], [{ field: 'attr.visit_date', direction: 'desc' }]),
  );
  const sortOnly = await measure(dataSource, (round) => page([{ field: 'attr.score', op: 'gte', value: round % 3 }], [{ field: 'attr.visit_date', direction: round % 2 ? 'asc' : 'desc' }]));
  return { open: Number(open), allOpen: Number(allOpen), plain, listColumns, storedOnly, sortOnly };
}

function report({ open, allOpen, plain, listColumns, storedOnly, sortOnly }: Run, poolBefore: number, poolDuring: number): void {
  const megabytes = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;
  const row = (name: string, figures: Figures) =>
    `${name.padEnd(52)} ${figures.median.toFixed(2).padStart(8)} ms ${figures.p95.toFixed(2).padStart(8)} ms ${String(figures.total).padStart(7)}   ${(figures.median / plain.median).toFixed(2)}×`;
  process.stdout.write(
    [
      '',
      `InnoDB buffer pool ${megabytes(poolDuring)} for the run (server setting ${megabytes(poolBefore)})`,
      `Queue list, MariaDB, ${TOTAL.toLocaleString('en')} requests (${Number(allOpen).toLocaleString('en')} open; largest queue ${Number(open).toLocaleString('en')} open), page of 50 + total count, ${ROUNDS} rounds`,
      `${'query'.padEnd(52)} ${'median'.padStart(11)} ${'p95'.padStart(11)} ${'matches'.padStart(7)}   vs plain`,
      row('plain indexed columns (baseline)', plain),
      row('list-column attributes (slots)', listColumns),
      row('attributes stored only as typed values', storedOnly),
      row('typed values, whole bucket sorted by a typed value', sortOnly),
      '',
    ].join('\n'),
  );
  expect(listColumns.median / plain.median).toBeLessThanOrEqual(3);
  // The goals: list columns within 3× of plain columns, any other attribute under 100 ms.
  expect(storedOnly.median).toBeLessThan(100);
  expect(sortOnly.median).toBeLessThan(100);
}
