import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, id, instant, int, json, varchar } from './columns';

/** `json` is LONGTEXT on MariaDB (routes with diagrams outgrow TEXT) and text on SQLite. */
const largeJson = (name: string) => ({ name, type: 'json' });

/** Routes and their versions (drafts, published, retired). */
export class Routes1764400000000 implements MigrationInterface {
  name = 'Routes1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'routes',
        columns: [id(), varchar('code', 64), varchar('name', 200), varchar('description', 1000, { isNullable: true }), bool('active', true), json('topicIds'), instant('createdAt'), instant('updatedAt')],
        indices: [new TableIndex({ name: 'UQ_routes_code', columnNames: ['code'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'route_versions',
        columns: [
          id(),
          int('routeId'),
          int('version'),
          varchar('state', 16),
          largeJson('definition'),
          largeJson('bpmn'),
          varchar('createdBy', 64),
          instant('createdAt'),
          varchar('updatedBy', 64, { isNullable: true }),
          instant('updatedAt'),
          varchar('publishedBy', 64, { isNullable: true }),
          instant('publishedAt', { isNullable: true }),
          instant('retiredAt', { isNullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'UQ_route_versions_route_version', columnNames: ['routeId', 'version'], isUnique: true }),
          new TableIndex({ name: 'IDX_route_versions_route_state', columnNames: ['routeId', 'state'] }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('route_versions');
    await runner.dropTable('routes');
  }
}
