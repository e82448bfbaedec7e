import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, id, instant, joinTable, json, varchar } from './columns';

/** Queues with their members (people and workgroups) and administrators. */
export class Queues1764300001000 implements MigrationInterface {
  name = 'Queues1764300001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'queues',
        columns: [id(), varchar('code', 64), varchar('name', 200), varchar('description', 1000, { isNullable: true }), bool('active', true), json('allowedSteps'), instant('createdAt'), instant('updatedAt')],
        indices: [new TableIndex({ name: 'UQ_queues_code', columnNames: ['code'], isUnique: true })],
      }),
    );
    await runner.createTable(joinTable('queue_members', 'queueId', 'queues', 'userId', 'users'));
    await runner.createTable(joinTable('queue_workgroups', 'queueId', 'queues', 'workgroupId', 'workgroups'));
    await runner.createTable(joinTable('queue_administrators', 'queueId', 'queues', 'userId', 'users'));
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['queue_administrators', 'queue_workgroups', 'queue_members', 'queues']) await runner.dropTable(table);
  }
}
