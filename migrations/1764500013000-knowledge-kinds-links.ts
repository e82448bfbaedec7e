import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { instant, int, varchar } from './columns';

/** Knowledge article kinds, articles meant for workgroups, and articles linked from requests and problems. */
export class KnowledgeKindsLinks1764500013000 implements MigrationInterface {
  name = 'KnowledgeKindsLinks1764500013000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('knowledge_articles', new TableColumn(varchar('kind', 16, { default: "'article'" })));
    await runner.createTable(
      new Table({
        name: 'knowledge_article_workgroups',
        columns: [int('articleId', { isPrimary: true }), int('workgroupId', { isPrimary: true })],
        indices: [new TableIndex({ name: 'IDX_knowledge_article_workgroups_group', columnNames: ['workgroupId'] })],
      }),
    );
    for (const [table, owner] of [['request_articles', 'requestId'], ['problem_articles', 'problemId']] as const) {
      await runner.createTable(
        new Table({
          name: table,
          columns: [int(owner, { isPrimary: true }), int('articleId', { isPrimary: true }), instant('linkedAt')],
          indices: [new TableIndex({ name: `IDX_${table}_article`, columnNames: ['articleId'] })],
        }),
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('problem_articles');
    await runner.dropTable('request_articles');
    await runner.dropTable('knowledge_article_workgroups');
    await runner.dropColumn('knowledge_articles', 'kind');
  }
}
