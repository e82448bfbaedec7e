import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { bool, id, instant, int, json, longText, smallint, varchar } from './columns';

/** The ITIL default: impact and urgency 1 (high) to 3 (low) give priority 1 (critical) to 5 (planning). */
const DEFAULT_PRIORITY_MATRIX = [
  [1, 2, 3],
  [2, 3, 4],
  [3, 4, 5],
];

/** Contacts, request processing (route state, classification, hand-off), numbering, idempotency, discussions. */
export class RequestsProcessing1764400001000 implements MigrationInterface {
  name = 'RequestsProcessing1764400001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('requests', [
      new TableColumn(int('contactId', { isNullable: true })),
      new TableColumn(int('contactPersonId', { isNullable: true })),
      new TableColumn(longText('description', { isNullable: true })),
      new TableColumn(smallint('impact', { default: 3 })),
      new TableColumn(smallint('urgency', { default: 3 })),
      new TableColumn(int('routeVersionId', { isNullable: true })),
      new TableColumn(json('routeState', { isNullable: true })),
      new TableColumn(varchar('currentSteps', 500, { isNullable: true })),
      new TableColumn(bool('awaitingAcceptance', false)),
      new TableColumn(varchar('resolution', 16, { isNullable: true })),
      new TableColumn(instant('closedAt', { isNullable: true })),
      new TableColumn(int('createdById', { isNullable: true })),
    ]);
    await runner.createIndex('requests', new TableIndex({ name: 'IDX_requests_contact', columnNames: ['contactId'] }));
    await runner.createTable(
      new Table({
        name: 'contacts',
        columns: [
          id(),
          int('channelId', { isNullable: true }),
          int('directionId', { isNullable: true }),
          int('placeId', { isNullable: true }),
          int('clientId', { isNullable: true }),
          int('contactPersonId', { isNullable: true }),
          int('operatorId'),
          instant('occurredAt'),
          instant('createdAt'),
        ],
        indices: [new TableIndex({ name: 'IDX_contacts_client', columnNames: ['clientId'] })],
      }),
    );
    await runner.createTable(new Table({ name: 'request_counters', columns: [int('year', { isPrimary: true }), int('lastNumber')] }));
    await runner.createTable(new Table({ name: 'priority_matrix', columns: [smallint('impact', { isPrimary: true }), smallint('urgency', { isPrimary: true }), smallint('priority')] }));
    for (const [impactIndex, row] of DEFAULT_PRIORITY_MATRIX.entries()) {
      for (const [urgencyIndex, priority] of row.entries()) {
        await runner.query('INSERT INTO priority_matrix (impact, urgency, priority) VALUES (?, ?, ?)', [impactIndex + 1, urgencyIndex + 1, priority]);
      }
    }
    await runner.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [id(), int('userId'), varchar('idempotencyKey', 128), varchar('fingerprint', 64), int('responseStatus'), json('responseBody', { isNullable: true }), instant('createdAt')],
        indices: [
          new TableIndex({ name: 'UQ_idempotency_keys_user_key', columnNames: ['userId', 'idempotencyKey'], isUnique: true }),
          new TableIndex({ name: 'IDX_idempotency_keys_created', columnNames: ['createdAt'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'request_discussions',
        columns: [id(), int('requestId'), varchar('title', 200), varchar('visibility', 16), int('createdById', { isNullable: true }), instant('createdAt')],
        indices: [new TableIndex({ name: 'IDX_request_discussions_request', columnNames: ['requestId'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'request_comments',
        columns: [id(), int('discussionId'), int('requestId'), int('authorId', { isNullable: true }), varchar('authorLogin', 64), longText('body'), json('mentions'), instant('createdAt')],
        indices: [new TableIndex({ name: 'IDX_request_comments_discussion', columnNames: ['discussionId'] })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['request_comments', 'request_discussions', 'idempotency_keys', 'priority_matrix', 'request_counters', 'contacts']) await runner.dropTable(table);
    await runner.dropIndex('requests', 'IDX_requests_contact');
    await runner.dropColumns('requests', ['createdById', 'closedAt', 'resolution', 'awaitingAcceptance', 'currentSteps', 'routeState', 'routeVersionId', 'urgency', 'impact', 'description', 'contactPersonId', 'contactId']);
  }
}
