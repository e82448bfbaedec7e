import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { id, instant, int, json, longText, varchar } from './columns';

/** The columns every leased table has (server/src/scheduler/entities/leased-row.ts), as they were at this migration. */
const leased = (): TableColumnOptions[] => [
  id(),
  varchar('state', 16),
  instant('dueAt'),
  varchar('owner', 64, { isNullable: true }),
  instant('leaseUntil', { isNullable: true }),
  int('attempts', { default: 0 }),
  longText('lastError', { isNullable: true }),
  instant('createdAt'),
  instant('finishedAt', { isNullable: true }),
];

const leaseIndexes = (table: string) => [
  new TableIndex({ name: `IDX_${table}_due`, columnNames: ['state', 'dueAt'] }),
  new TableIndex({ name: `IDX_${table}_lease`, columnNames: ['state', 'leaseUntil'] }),
];

/** Timers and the mail outbox: rows that several server processes work off under leases. */
export class SchedulerOutbox1764300000000 implements MigrationInterface {
  name = 'SchedulerOutbox1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'scheduled_jobs',
        columns: [...leased(), varchar('kind', 64), varchar('subjectType', 32, { isNullable: true }), int('subjectId', { isNullable: true }), varchar('dedupeKey', 191), json('payload', { isNullable: true })],
        indices: [
          new TableIndex({ name: 'UQ_scheduled_jobs_dedupeKey', columnNames: ['dedupeKey'], isUnique: true }),
          new TableIndex({ name: 'IDX_scheduled_jobs_subject', columnNames: ['subjectType', 'subjectId'] }),
          ...leaseIndexes('scheduled_jobs'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'outbox_messages',
        columns: [
          ...leased(),
          varchar('eventKey', 128),
          varchar('recipient', 191),
          varchar('subject', 255),
          longText('text'),
          longText('html', { isNullable: true }),
          varchar('messageId', 191),
          json('references'),
        ],
        indices: [new TableIndex({ name: 'UQ_outbox_messages_event_recipient', columnNames: ['eventKey', 'recipient'], isUnique: true }), ...leaseIndexes('outbox_messages')],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('outbox_messages');
    await runner.dropTable('scheduled_jobs');
  }
}
