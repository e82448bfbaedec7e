import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { int, varchar } from './columns';

/** Child requests: the request a route step spawned them from, and the key that step tracks each by. */
export class RequestChildren1764500001000 implements MigrationInterface {
  name = 'RequestChildren1764500001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('requests', [new TableColumn(int('parentId', { isNullable: true })), new TableColumn(varchar('childKey', 64, { isNullable: true }))]);
    await runner.createIndex('requests', new TableIndex({ name: 'IDX_requests_parent', columnNames: ['parentId'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('requests', 'IDX_requests_parent');
    await runner.dropColumns('requests', ['childKey', 'parentId']);
  }
}
