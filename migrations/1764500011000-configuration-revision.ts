import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { int } from './columns';

/** One row counting changes to the configuration, so every server process knows when its cached copy is stale. */
export class ConfigurationRevision1764500011000 implements MigrationInterface {
  name = 'ConfigurationRevision1764500011000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(new Table({ name: 'configuration_revision', columns: [int('id', { isPrimary: true }), int('revision')] }));
    await runner.query('INSERT INTO configuration_revision (id, revision) VALUES (1, 1)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('configuration_revision');
  }
}
