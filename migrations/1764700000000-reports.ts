import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, id, instant, int, json, longText, varchar } from './columns';

/** Report definitions as data, their e-mail schedules, and files attached to outbox mail. */
export class Reports1764700000000 implements MigrationInterface {
  name = 'Reports1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'report_definitions',
        columns: [id(), varchar('code', 64), varchar('name', 200), varchar('description', 1000, { isNullable: true }), json('definition'), bool('builtIn', false), int('ownerId', { isNullable: true }), instant('createdAt'), instant('updatedAt')],
        indices: [new TableIndex({ name: 'UQ_report_definitions_code', columnNames: ['code'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'report_schedules',
        columns: [id(), int('definitionId'), int('ownerId'), varchar('format', 8), json('recipients'), varchar('cron', 128), varchar('timeZone', 64), bool('active', true), instant('nextRunAt', { isNullable: true }), instant('lastRunAt', { isNullable: true }), instant('createdAt'), instant('updatedAt')],
        indices: [new TableIndex({ name: 'IDX_report_schedules_definition', columnNames: ['definitionId'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'outbox_attachments',
        columns: [id(), varchar('eventKey', 128), varchar('filename', 191), varchar('contentType', 128), int('part'), longText('content')],
        indices: [new TableIndex({ name: 'UQ_outbox_attachments_part', columnNames: ['eventKey', 'filename', 'part'], isUnique: true })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['outbox_attachments', 'report_schedules', 'report_definitions']) await runner.dropTable(table);
  }
}
