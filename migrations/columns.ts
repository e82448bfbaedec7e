import { Table, TableForeignKey, TableIndex, type TableColumnOptions } from 'typeorm';

/** Column shapes shared by every migration, so both databases get the same types the entities declare. */
export const id = (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' });
export const int = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'integer', ...extra });
export const varchar = (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  ...extra,
});
export const bool = (name: string, defaultValue?: boolean): TableColumnOptions => ({
  name,
  type: 'boolean',
  // 1 and 0 rather than true and false: what both databases report back, so schema comparison stays clean.
  ...(defaultValue === undefined ? {} : { default: defaultValue ? 1 : 0 }),
});
export const instant = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  ...extra,
});
/** `simple-json` in the entities: JSON text, portable across both databases. */
export const json = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'text', ...extra });
export const smallint = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'smallint', ...extra });
export const decimal = (name: string, precision: number, scale: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'decimal',
  precision,
  scale,
  ...extra,
});
export const longText = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'text', ...extra });

/** The join table TypeORM expects behind a `@ManyToMany` with `@JoinTable`: both keys primary, indexed, cascading. */
export const joinTable = (name: string, left: string, leftTable: string, right: string, rightTable: string): Table =>
  new Table({
    name,
    columns: [int(left, { isPrimary: true }), int(right, { isPrimary: true })],
    indices: [new TableIndex({ columnNames: [left] }), new TableIndex({ columnNames: [right] })],
    foreignKeys: [
      new TableForeignKey({ columnNames: [left], referencedTableName: leftTable, referencedColumnNames: ['id'], onDelete: 'CASCADE', onUpdate: 'CASCADE' }),
      new TableForeignKey({ columnNames: [right], referencedTableName: rightTable, referencedColumnNames: ['id'], onDelete: 'CASCADE', onUpdate: 'CASCADE' }),
    ],
  });
