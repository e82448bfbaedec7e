import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, id, instant, int, json, longText, varchar } from './columns';

/** Dictionaries and their items, external dictionaries with their cached items, dynamic queries. */
export class Dictionaries1764100002000 implements MigrationInterface {
  name = 'Dictionaries1764100002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'dictionaries',
        columns: [id(), varchar('code', 64), varchar('name', 200), varchar('description', 1000, { default: "''" }), bool('hierarchical', false), bool('active', true), int('position', { default: 0 })],
        indices: [new TableIndex({ name: 'UQ_dictionaries_code', columnNames: ['code'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'dictionary_items',
        columns: [id(), int('dictionaryId'), varchar('code', 64), varchar('name', 200), int('parentId', { isNullable: true }), bool('active', true), int('position', { default: 0 })],
        indices: [
          new TableIndex({ name: 'UQ_dictionary_items_dictionary_code', columnNames: ['dictionaryId', 'code'], isUnique: true }),
          new TableIndex({ name: 'IDX_dictionary_items_parent', columnNames: ['parentId'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'external_dictionaries',
        columns: [
          id(),
          varchar('code', 64),
          varchar('name', 200),
          json('source'),
          int('ttlSeconds', { default: 3600 }),
          bool('active', true),
          int('position', { default: 0 }),
          instant('fetchedAt', { isNullable: true }),
          instant('lastAttemptAt', { isNullable: true }),
          varchar('lastError', 1000, { isNullable: true }),
        ],
        indices: [new TableIndex({ name: 'UQ_external_dictionaries_code', columnNames: ['code'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'external_dictionary_items',
        columns: [id(), int('externalDictionaryId'), varchar('code', 191), varchar('name', 500), varchar('parentCode', 191, { isNullable: true }), int('position', { default: 0 })],
        indices: [new TableIndex({ name: 'UQ_external_dictionary_items_code', columnNames: ['externalDictionaryId', 'code'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'dynamic_queries',
        columns: [
          id(),
          varchar('code', 64),
          varchar('name', 200),
          varchar('description', 1000, { default: "''" }),
          longText('sql'),
          json('parameters'),
          varchar('valueColumn', 64),
          varchar('labelColumn', 64),
          int('maxRows', { default: 100 }),
          bool('active', true),
        ],
        indices: [new TableIndex({ name: 'UQ_dynamic_queries_code', columnNames: ['code'], isUnique: true })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['dynamic_queries', 'external_dictionary_items', 'external_dictionaries', 'dictionary_items', 'dictionaries']) await runner.dropTable(table);
  }
}
