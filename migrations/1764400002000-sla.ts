import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, id, instant, int, json, smallint, varchar } from './columns';

/** Regulation: business calendars, SLA policies, the per-request clock ledger, clock states and breaches. */
export class Sla1764400002000 implements MigrationInterface {
  name = 'Sla1764400002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'sla_calendars',
        columns: [id(), varchar('code', 64), varchar('name', 200), json('definition'), instant('createdAt'), instant('updatedAt')],
        indices: [new TableIndex({ name: 'UQ_sla_calendars_code', columnNames: ['code'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'sla_policies',
        columns: [
          id(),
          varchar('code', 64),
          varchar('name', 200),
          bool('active', true),
          int('rank', { default: 100 }),
          json('condition', { isNullable: true }),
          int('calendarId'),
          json('targets'),
          json('stepLimits'),
          json('clockRules'),
          int('warningPercent', { default: 80 }),
          instant('createdAt'),
          instant('updatedAt'),
        ],
        indices: [new TableIndex({ name: 'UQ_sla_policies_code', columnNames: ['code'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'sla_ledger',
        columns: [
          id(),
          int('requestId'),
          varchar('clock', 160),
          varchar('type', 16),
          instant('at'),
          int('policyId', { isNullable: true }),
          smallint('priority', { isNullable: true }),
          int('calendarId', { isNullable: true }),
          instant('deadline', { isNullable: true }),
          varchar('reason', 500, { isNullable: true }),
          int('actorId', { isNullable: true }),
        ],
        indices: [new TableIndex({ name: 'IDX_sla_ledger_request', columnNames: ['requestId', 'clock'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'sla_clocks',
        columns: [id(), int('requestId'), varchar('clock', 160), int('policyId'), varchar('state', 16), smallint('priority', { isNullable: true }), instant('deadline', { isNullable: true }), instant('warningAt', { isNullable: true }), int('revision'), instant('updatedAt')],
        indices: [
          new TableIndex({ name: 'UQ_sla_clocks_request_clock', columnNames: ['requestId', 'clock'], isUnique: true }),
          new TableIndex({ name: 'IDX_sla_clocks_state_deadline', columnNames: ['state', 'deadline'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'sla_breaches',
        columns: [
          id(),
          int('requestId'),
          varchar('clock', 160),
          varchar('kind', 16),
          instant('deadline'),
          instant('occurredAt'),
          int('policyId'),
          smallint('priority'),
          int('queueId', { isNullable: true }),
          int('assigneeId', { isNullable: true }),
          int('topicId'),
          instant('closedAt', { isNullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'UQ_sla_breaches_event', columnNames: ['requestId', 'clock', 'kind', 'deadline'], isUnique: true }),
          new TableIndex({ name: 'IDX_sla_breaches_kind_closed', columnNames: ['kind', 'closedAt', 'occurredAt'] }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['sla_breaches', 'sla_clocks', 'sla_ledger', 'sla_policies', 'sla_calendars']) await runner.dropTable(table);
  }
}
