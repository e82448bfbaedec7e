import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { hydrator } from './plain-rows';

/** An entity's selectable columns in plain SQL: a select list under a table alias, and its rows hydrated back. */
export interface EntityColumns<Row> {
  /** `alias`.`column` AS `prefix``property`, for every column `manager.find` would read. */
  select(alias: string, prefix?: string): string;
  /** NULL AS `prefix``property` for each: the entity's columns in a UNION branch that reads another table. */
  nulls(prefix: string): string;
  /** The entity's properties from a row selected with `select(…, prefix)`, as TypeORM hydrates them. */
  hydrate(raw: Record<string, unknown>, prefix?: string): Row;
}

/** Built once per connection and entity. */
const built = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, EntityColumns<ObjectLiteral>>>();

export function entityColumns<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>): EntityColumns<Row> {
  const byEntity = built.get(manager.connection) ?? new Map<EntityTarget<ObjectLiteral>, EntityColumns<ObjectLiteral>>();
  built.set(manager.connection, byEntity);
  let columns = byEntity.get(entity);
  if (!columns) byEntity.set(entity, (columns = build(manager, entity)));
  return columns as EntityColumns<Row>;
}

function build<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>): EntityColumns<Row> {
  const { driver } = manager.connection;
  const properties = manager.connection
    .getMetadata(entity)
    .columns.filter((column) => column.isSelect)
    .map((column) => ({ column: driver.escape(column.databaseName), property: column.propertyName as keyof Row & string }));
  const hydrate = hydrator(manager, entity, properties.map(({ property }) => property));
  return {
    select: (alias, prefix = '') => properties.map(({ column, property }) => `${driver.escape(alias)}.${column} AS ${driver.escape(prefix + property)}`).join(', '),
    nulls: (prefix) => properties.map(({ property }) => `NULL AS ${driver.escape(prefix + property)}`).join(', '),
    hydrate: (raw, prefix = '') => (prefix ? hydrate(Object.fromEntries(properties.map(({ property }) => [property, raw[prefix + property]]))) : hydrate(raw)) as Row,
  };
}

/**
 * The rows of an entity whose `where` columns hold the given values, in primary key order: what `manager.find`
 * answers, in plain SQL (the query builder spends more CPU on small reads on a hot path than the database does).
 */
export async function rowsWhere<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, where: { [Property in keyof Row & string]?: Row[Property] }): Promise<Row[]> {
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(entity);
  const keys = Object.keys(where).map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.tableName} has no column for "${property}"`);
    return { column, value: driver.preparePersistentValue(where[property], column) };
  });
  const columns = entityColumns(manager, entity);
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${columns.select('t')} FROM ${driver.escape(metadata.tableName)} t WHERE ${keys.map(({ column }) => `t.${driver.escape(column.databaseName)} = ?`).join(' AND ')}` +
      ` ORDER BY ${metadata.primaryColumns.map((column) => `t.${driver.escape(column.databaseName)}`).join(', ')}`,
    keys.map(({ value }) => value),
  );
  return rows.map((raw) => columns.hydrate(raw));
}
