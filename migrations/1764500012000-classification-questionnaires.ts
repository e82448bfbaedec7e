import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, id, instant, json, varchar } from './columns';

/** Classification questionnaires: decision trees that suggest a topic, known problems and articles. */
export class ClassificationQuestionnaires1764500012000 implements MigrationInterface {
  name = 'ClassificationQuestionnaires1764500012000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'classification_questionnaires',
        columns: [id(), varchar('code', 64), varchar('name', 200), bool('active', true), json('definition'), instant('createdAt'), instant('updatedAt')],
        indices: [new TableIndex({ name: 'UQ_classification_questionnaires_code', columnNames: ['code'], isUnique: true })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('classification_questionnaires');
  }
}
