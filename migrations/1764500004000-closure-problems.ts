import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, id, instant, int, longText, smallint, varchar } from './columns';

/** Two-phase closure (the customer's rating) and problems with the requests they cause. */
export class ClosureProblems1764500004000 implements MigrationInterface {
  name = 'ClosureProblems1764500004000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'request_ratings',
        columns: [id(), int('requestId'), smallint('rating', { isNullable: true }), longText('comment', { isNullable: true }), bool('byTimeout', false), int('actorId', { isNullable: true }), instant('createdAt')],
        indices: [new TableIndex({ name: 'IDX_request_ratings_request', columnNames: ['requestId'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'problems',
        columns: [
          id(),
          varchar('number', 32),
          varchar('subject', 500),
          longText('description', { isNullable: true }),
          varchar('status', 16),
          longText('knownSolution', { isNullable: true }),
          longText('workaround', { isNullable: true }),
          bool('isMass', false),
          int('createdById', { isNullable: true }),
          instant('createdAt'),
          instant('updatedAt'),
          instant('resolvedAt', { isNullable: true }),
        ],
        indices: [new TableIndex({ name: 'UQ_problems_number', columnNames: ['number'], isUnique: true }), new TableIndex({ name: 'IDX_problems_status', columnNames: ['status'] })],
      }),
    );
    await runner.createTable(new Table({ name: 'problem_counters', columns: [int('year', { isPrimary: true }), int('lastNumber')] }));
    await runner.createTable(
      new Table({
        name: 'request_problem_links',
        columns: [int('requestId', { isPrimary: true }), int('problemId'), bool('resolvedByProblem', false), int('linkedById', { isNullable: true }), instant('linkedAt')],
        indices: [new TableIndex({ name: 'IDX_request_problem_links_problem', columnNames: ['problemId'] })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['request_problem_links', 'problem_counters', 'problems', 'request_ratings']) await runner.dropTable(table);
  }
}
