import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, id, int, json, longText, smallint, varchar } from './columns';

/** The topic tree, dynamic attributes, attribute groups and the bindings of attributes to tree nodes. */
export class Topics1764100000000 implements MigrationInterface {
  name = 'Topics1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'topic_nodes',
        columns: [
          id(),
          varchar('code', 64),
          varchar('name', 200),
          longText('description', { isNullable: true }),
          varchar('kind', 8),
          int('parentId', { isNullable: true }),
          bool('active', true),
          int('sortOrder', { default: 0 }),
        ],
        indices: [
          new TableIndex({ name: 'UQ_topic_nodes_code', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'IDX_topic_nodes_parent', columnNames: ['parentId', 'sortOrder'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'attribute_groups',
        columns: [id(), varchar('name', 200), int('sortOrder', { default: 0 }), bool('collapsed', false)],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'attributes',
        columns: [
          id(),
          varchar('code', 64),
          varchar('name', 200),
          longText('description', { isNullable: true }),
          varchar('valueType', 24),
          smallint('scale', { isNullable: true }),
          varchar('dictionaryCode', 64, { isNullable: true }),
          varchar('queryCode', 64, { isNullable: true }),
          bool('multiple', false),
          json('defaultValue', { isNullable: true }),
          json('required'),
          json('hidden'),
          json('readOnly'),
          varchar('mask', 200, { isNullable: true }),
          varchar('regex', 500, { isNullable: true }),
          json('min', { isNullable: true }),
          json('max', { isNullable: true }),
          bool('active', true),
          bool('listColumn', false),
          int('sortOrder', { default: 0 }),
          int('attributeGroupId', { isNullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'UQ_attributes_code', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'IDX_attributes_group', columnNames: ['attributeGroupId'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'attribute_bindings',
        columns: [
          id(),
          int('nodeId'),
          int('attributeId'),
          json('required', { isNullable: true }),
          json('hidden', { isNullable: true }),
          json('readOnly', { isNullable: true }),
          json('defaultValue', { isNullable: true }),
          int('sortOrder', { default: 0 }),
        ],
        indices: [
          new TableIndex({ name: 'UQ_attribute_bindings_node_attribute', columnNames: ['nodeId', 'attributeId'], isUnique: true }),
          new TableIndex({ name: 'IDX_attribute_bindings_attribute', columnNames: ['attributeId'] }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['attribute_bindings', 'attributes', 'attribute_groups', 'topic_nodes']) await runner.dropTable(table);
  }
}
