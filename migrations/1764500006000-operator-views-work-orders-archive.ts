import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { bool, decimal, id, instant, int, json, longText, smallint, varchar } from './columns';

/** Watchers and saved filters, vertical escalations, partner work orders (and partner users), the request archive. */
export class OperatorViewsWorkOrdersArchive1764500006000 implements MigrationInterface {
  name = 'OperatorViewsWorkOrdersArchive1764500006000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'request_watchers',
        columns: [int('requestId', { isPrimary: true }), int('userId', { isPrimary: true }), instant('createdAt')],
        indices: [new TableIndex({ name: 'IDX_request_watchers_user', columnNames: ['userId'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'saved_filters',
        columns: [id(), int('userId'), varchar('name', 100), json('query'), bool('shared', false), instant('createdAt'), instant('updatedAt')],
        indices: [
          new TableIndex({ name: 'UQ_saved_filters_user_name', columnNames: ['userId', 'name'], isUnique: true }),
          new TableIndex({ name: 'IDX_saved_filters_shared', columnNames: ['shared'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'request_escalations',
        columns: [id(), int('requestId'), varchar('reason', 1000), int('actorId', { isNullable: true }), varchar('actorLogin', 64), json('recipients'), instant('createdAt')],
        indices: [new TableIndex({ name: 'IDX_request_escalations_request', columnNames: ['requestId'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'work_orders',
        columns: [
          id(),
          int('requestId'),
          int('partnerId'),
          varchar('subject', 300),
          longText('description', { isNullable: true }),
          varchar('status', 16),
          instant('dueAt', { isNullable: true }),
          int('createdById', { isNullable: true }),
          instant('createdAt'),
          instant('updatedAt'),
          int('version', { default: 1 }),
        ],
        indices: [
          new TableIndex({ name: 'IDX_work_orders_request', columnNames: ['requestId'] }),
          new TableIndex({ name: 'IDX_work_orders_partner_status', columnNames: ['partnerId', 'status'] }),
        ],
      }),
    );
    await runner.addColumn('users', new TableColumn(int('partnerId', { isNullable: true })));
    await runner.addColumns('requests', [new TableColumn(instant('archivedAt', { isNullable: true })), new TableColumn(instant('restoredAt', { isNullable: true }))]);
    await runner.createIndex('requests', new TableIndex({ name: 'IDX_requests_open_closed', columnNames: ['isOpen', 'closedAt'] }));
    await runner.createIndex('requests', new TableIndex({ name: 'IDX_requests_archived', columnNames: ['archivedAt'] }));
    await runner.createTable(
      new Table({
        name: 'request_values_archive',
        columns: [
          int('requestId', { isPrimary: true }),
          int('attributeId', { isPrimary: true }),
          smallint('ord', { isPrimary: true }),
          varchar('valueString', 191, { isNullable: true }),
          longText('valueText', { isNullable: true }),
          decimal('valueNumber', 20, 6, { isNullable: true }),
          instant('valueInstant', { isNullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'IDX_request_values_archive_string', columnNames: ['attributeId', 'valueString', 'requestId'] }),
          new TableIndex({ name: 'IDX_request_values_archive_number', columnNames: ['attributeId', 'valueNumber', 'requestId'] }),
          new TableIndex({ name: 'IDX_request_values_archive_instant', columnNames: ['attributeId', 'valueInstant', 'requestId'] }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('request_values_archive');
    await runner.dropIndex('requests', 'IDX_requests_archived');
    await runner.dropIndex('requests', 'IDX_requests_open_closed');
    await runner.dropColumns('requests', ['restoredAt', 'archivedAt']);
    await runner.dropColumn('users', 'partnerId');
    for (const table of ['work_orders', 'request_escalations', 'saved_filters', 'request_watchers']) await runner.dropTable(table);
  }
}
