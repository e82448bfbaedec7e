import { QueryFailedError, type EntityManager, type EntityTarget, type ObjectLiteral, type QueryResult, type QueryRunner } from 'typeorm';

/** SQLite's historical bound-parameter limit, which its builds keep by default. */
const SQLITE_PARAMETERS = 999;
/** Rows per statement on MariaDB/MySQL, and the text per statement, well under the default 16 MB max_allowed_packet. */
const MYSQL_ROWS = 500;
/** The most placeholders one prepared statement may hold. */
const MYSQL_PARAMETERS = 65_535;
const MYSQL_TEXT_CHARS = 4_000_000;

/**
 * Rows of one entity in multi-row INSERTs of plain parameterised SQL (`INSERT IGNORE` / `INSERT OR IGNORE`
 * with `ignore`, so a row hitting a unique key is skipped): the query builder spends more time assembling a
 * large insert than the database spends running it. Values are converted as TypeORM stores them (instants,
 * simple-json, booleans), so rows read back alike. The columns are the first row's properties; no ids are read back.
 */
export async function insertRows<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, rows: readonly Partial<Row>[], options: { ignore?: boolean } = {}): Promise<void> {
  if (!rows.length) return;
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(entity);
  const columns = Object.keys(rows[0]).map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.tableName} has no column for "${property}"`);
    return column;
  });
  const sqlite = driver.options.type === 'better-sqlite3';
  const verb = !options.ignore ? 'INSERT INTO' : sqlite ? 'INSERT OR IGNORE INTO' : 'INSERT IGNORE INTO';
  const head = `${verb} ${driver.escape(metadata.tableName)} (${columns.map((column) => driver.escape(column.databaseName)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const rowsPerStatement = Math.max(1, sqlite ? Math.floor(SQLITE_PARAMETERS / columns.length) : Math.min(MYSQL_ROWS, Math.floor(MYSQL_PARAMETERS / columns.length)));
  let tuples = 0;
  let chars = 0;
  let parameters: unknown[] = [];
  const send = async () => {
    const sql = head + Array(tuples).fill(tuple).join(', ');
    if (sqlite) await manager.query(sql, parameters);
    else await executePrepared(manager, sql, parameters);
    [tuples, chars, parameters] = [0, 0, []];
  };
  for (const row of rows) {
    for (const column of columns) {
      const value = driver.preparePersistentValue(row[column.propertyName] ?? null, column);
      if (typeof value === 'string') chars += value.length;
      parameters.push(value);
    }
    tuples++;
    if (tuples === rowsPerStatement || chars >= MYSQL_TEXT_CHARS) await send();
  }
  if (tuples) await send();
}

/**
 * One row in a plain parameterised INSERT of the properties it has (unset ones take the column defaults);
 * answers the generated id. The query builder's INSERT names every column and reads defaults back, which
 * costs more than the statement on a wide table such as requests.
 */
export async function insertRow<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, row: Partial<Row>): Promise<number> {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(entity);
  const columns = Object.keys(row)
    .filter((property) => row[property] !== undefined)
    .map((property) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`${metadata.tableName} has no column for "${property}"`);
      return column;
    });
  const sql = `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((column) => driver.escape(column.databaseName)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  const parameters = columns.map((column) => driver.preparePersistentValue(row[column.propertyName], column));
  const { raw } = await structuredQuery(manager, sql, parameters);
  // MariaDB/MySQL answer a result header; better-sqlite3 the last row id.
  return Number(typeof raw === 'object' && raw !== null && 'insertId' in raw ? raw.insertId : raw);
}

interface PreparingConnection {
  promise(): { execute(sql: string, values: unknown[]): Promise<unknown> };
}

/**
 * A statement run as a prepared statement on MariaDB/MySQL (mysql2's `execute`, the binary protocol): the values of
 * a multi-row INSERT are then neither escaped into SQL text by Node nor parsed back out of it by the server, which
 * took a fifth off the SLA sweep's batches of mails. mysql2 keeps each connection's statements (a few dozen, see
 * the pool's maxPreparedStatements), so a statement of the same shape is prepared once. Errors come back as
 * TypeORM's QueryFailedError, as from `manager.query`; in the caller's transaction when `manager` has one.
 */
async function executePrepared(manager: EntityManager, sql: string, parameters: unknown[]): Promise<void> {
  await withRunner(manager, async (runner) => {
    try {
      const connection = (await runner.connect()) as PreparingConnection;
      await connection.promise().execute(sql, parameters);
    } catch (error) {
      throw error instanceof QueryFailedError ? error : new QueryFailedError(sql, parameters, error as Error);
    }
  });
}

/** The statement's structured result (affected rows, generated id), in the caller's transaction when `manager` has one. */
function structuredQuery(manager: EntityManager, sql: string, parameters: unknown[]): Promise<QueryResult> {
  return withRunner(manager, (runner) => runner.query(sql, parameters, true));
}

/** Runs `use` on the caller's query runner (its transaction) when `manager` has one, else on one borrowed from the pool for it. */
async function withRunner<T>(manager: EntityManager, use: (runner: QueryRunner) => Promise<T>): Promise<T> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    return await use(runner);
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

/**
 * Turns rows read by plain SQL (each column selected as its property name) into the entity's properties as
 * TypeORM hydrates them: instants come back as strings from SQLite and as Dates from MariaDB, booleans as 0/1.
 */
export function hydrator<Row extends ObjectLiteral, Property extends keyof Row & string>(manager: EntityManager, entity: EntityTarget<Row>, properties: readonly Property[]): (raw: Record<string, unknown>) => Pick<Row, Property> {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(entity);
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.tableName} has no column for "${property}"`);
    return column;
  });
  return (raw) => {
    const row: Record<string, unknown> = {};
    for (const column of columns) row[column.propertyName] = driver.prepareHydratedValue(raw[column.propertyName], column);
    return row as Pick<Row, Property>;
  };
}

/** An SQL expression over the row as the new value of a column (`attempts + 1`), where a plain value would be stored as given. */
export class SqlExpression {
  constructor(readonly sql: string) {}
}

/**
 * `UPDATE … SET … WHERE id IN (…)` in plain SQL, values stored as TypeORM stores them, only in rows that still hold
 * the (non-null) `unchanged` values; answers the number of rows changed. In the caller's transaction when `manager` has one.
 */
export async function updateByIds<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, ids: readonly number[], changes: { [Property in keyof Row]?: Row[Property] | SqlExpression }, unchanged: Partial<Row> = {}): Promise<number> {
  if (!ids.length) return 0;
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(entity);
  const parameters: unknown[] = [];
  const column = (property: string) => {
    const found = metadata.findColumnWithPropertyName(property);
    if (!found) throw new Error(`${metadata.tableName} has no column for "${property}"`);
    return found;
  };
  // An undefined change leaves the column as it is (as the query builder's set() does).
  const assignments = Object.entries(changes).filter(([, change]) => change !== undefined).map(([property, change]) => {
    const target = column(property);
    if (change instanceof SqlExpression) return `${driver.escape(target.databaseName)} = ${change.sql}`;
    parameters.push(driver.preparePersistentValue(change, target));
    return `${driver.escape(target.databaseName)} = ?`;
  });
  parameters.push(...ids);
  const conditions = Object.entries(unchanged).map(([property, value]) => {
    const target = column(property);
    parameters.push(driver.preparePersistentValue(value, target));
    return ` AND ${driver.escape(target.databaseName)} = ?`;
  });
  const sql = `UPDATE ${driver.escape(metadata.tableName)} SET ${assignments.join(', ')} WHERE ${driver.escape(metadata.primaryColumns[0].databaseName)} IN (${ids.map(() => '?').join(', ')})${conditions.join('')}`;
  return (await structuredQuery(manager, sql, parameters)).affected ?? 0;
}
