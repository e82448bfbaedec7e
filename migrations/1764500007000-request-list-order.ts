import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The open requests of one queue in id order: the index holds (queueId, isOpen) and, implicitly, the
 * primary key, so a page of requests without a value for a sorted attribute is read without a sort.
 */
export class RequestListOrder1764500007000 implements MigrationInterface {
  name = 'RequestListOrder1764500007000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createIndex('requests', new TableIndex({ name: 'IDX_requests_queue_open', columnNames: ['queueId', 'isOpen'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('requests', 'IDX_requests_queue_open');
  }
}
