import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { bool, id, instant, int, json, longText, varchar } from './columns';

/** Customer users (bound to a client) for the portal, and the knowledge base. */
export class PortalKnowledge1764500008000 implements MigrationInterface {
  name = 'PortalKnowledge1764500008000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('users', [new TableColumn(int('clientId', { isNullable: true })), new TableColumn(int('contactPersonId', { isNullable: true }))]);
    await runner.createTable(
      new Table({
        name: 'knowledge_articles',
        columns: [
          id(),
          varchar('title', 300),
          longText('body'),
          longText('searchText'),
          json('tags'),
          bool('published', false),
          varchar('audience', 16),
          int('createdById', { isNullable: true }),
          instant('createdAt'),
          instant('updatedAt'),
          int('version', { default: 1 }),
        ],
        indices: [new TableIndex({ name: 'IDX_knowledge_articles_audience', columnNames: ['published', 'audience'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'knowledge_article_topics',
        columns: [int('articleId', { isPrimary: true }), int('topicId', { isPrimary: true })],
        indices: [new TableIndex({ name: 'IDX_knowledge_article_topics_topic', columnNames: ['topicId'] })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('knowledge_article_topics');
    await runner.dropTable('knowledge_articles');
    await runner.dropColumns('users', ['contactPersonId', 'clientId']);
  }
}
