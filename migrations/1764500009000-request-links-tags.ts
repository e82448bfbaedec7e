import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { id, instant, int, varchar } from './columns';

/** Links between requests (duplicate of, related to) and tags on requests. */
export class RequestLinksTags1764500009000 implements MigrationInterface {
  name = 'RequestLinksTags1764500009000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'request_links',
        columns: [id(), int('requestId'), int('linkedRequestId'), varchar('kind', 16), int('createdById', { isNullable: true }), instant('createdAt')],
        indices: [
          new TableIndex({ name: 'UQ_request_links_pair', columnNames: ['requestId', 'linkedRequestId', 'kind'], isUnique: true }),
          new TableIndex({ name: 'IDX_request_links_linked', columnNames: ['linkedRequestId'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'request_tags',
        columns: [int('requestId', { isPrimary: true }), varchar('tag', 64, { isPrimary: true })],
        indices: [new TableIndex({ name: 'IDX_request_tags_tag', columnNames: ['tag'] })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('request_tags');
    await runner.dropTable('request_links');
  }
}
