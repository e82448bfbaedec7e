import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, decimal, id, instant, int, longText, smallint, varchar } from './columns';

/** Spelled out here rather than imported, so this migration stays what it was when later code changes. */
const numbered = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);

/** Requests and the storage of their dynamic attribute values (typed values + list-column slots). */
export class RequestsCore1764200000000 implements MigrationInterface {
  name = 'RequestsCore1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'requests',
        columns: [
          id(),
          varchar('number', 32),
          int('topicId'),
          varchar('type', 16),
          smallint('priority'),
          varchar('status', 32),
          bool('isOpen'),
          int('queueId', { isNullable: true }),
          int('assigneeId', { isNullable: true }),
          int('clientId', { isNullable: true }),
          varchar('subject', 500),
          instant('createdAt'),
          instant('updatedAt'),
          instant('dueAt', { isNullable: true }),
          int('version', { default: 1 }),
          ...numbered('listText', 10).map((name) => varchar(name, 191, { isNullable: true })),
          ...numbered('listNumber', 6).map((name) => decimal(name, 20, 6, { isNullable: true })),
          ...numbered('listInstant', 6).map((name) => instant(name, { isNullable: true })),
        ],
        indices: [
          new TableIndex({ name: 'UQ_requests_number', columnNames: ['number'], isUnique: true }),
          new TableIndex({ name: 'IDX_requests_queue_open_created', columnNames: ['queueId', 'isOpen', 'createdAt'] }),
          new TableIndex({ name: 'IDX_requests_queue_open_priority', columnNames: ['queueId', 'isOpen', 'priority'] }),
          new TableIndex({ name: 'IDX_requests_queue_open_status', columnNames: ['queueId', 'isOpen', 'status'] }),
          new TableIndex({ name: 'IDX_requests_assignee_open', columnNames: ['assigneeId', 'isOpen'] }),
          new TableIndex({ name: 'IDX_requests_client', columnNames: ['clientId'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'request_values',
        columns: [
          int('requestId', { isPrimary: true }),
          int('attributeId', { isPrimary: true }),
          smallint('ord', { isPrimary: true }),
          varchar('valueString', 191, { isNullable: true }),
          longText('valueText', { isNullable: true }),
          decimal('valueNumber', 20, 6, { isNullable: true }),
          instant('valueInstant', { isNullable: true }),
          int('queueId', { isNullable: true }),
          bool('isOpen'),
        ],
        indices: (['String', 'Number', 'Instant'] as const).map(
          (kind) =>
            new TableIndex({
              name: `IDX_request_values_${kind.toLowerCase()}`,
              columnNames: ['attributeId', 'queueId', 'isOpen', `value${kind}`, 'requestId'],
            }),
        ),
      }),
    );
    await runner.createTable(
      new Table({
        name: 'attribute_slots',
        columns: [int('attributeId', { isPrimary: true }), varchar('slot', 32), varchar('state', 16), instant('assignedAt')],
        indices: [new TableIndex({ name: 'UQ_attribute_slots_slot', columnNames: ['slot'], isUnique: true })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['attribute_slots', 'request_values', 'requests']) await runner.dropTable(table);
  }
}
