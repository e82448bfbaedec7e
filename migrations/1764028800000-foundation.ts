import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, id, instant, int, joinTable, json, varchar } from './columns';

/** Users, roles, workgroups, sessions, API tokens, login attempts and the audit journal. */
export class Foundation1764028800000 implements MigrationInterface {
  name = 'Foundation1764028800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'users',
        columns: [
          id(),
          varchar('login', 64),
          varchar('name', 200),
          varchar('email', 254, { isNullable: true }),
          varchar('passwordHash', 255),
          bool('active', true),
          varchar('locale', 8, { default: "'en'" }),
          varchar('timeZone', 64, { default: "'UTC'" }),
          instant('createdAt'),
          instant('updatedAt'),
        ],
        indices: [new TableIndex({ name: 'UQ_users_login', columnNames: ['login'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'roles',
        columns: [
          id(),
          varchar('code', 64),
          varchar('name', 200),
          varchar('description', 1000, { default: "''" }),
          json('permissions'),
          bool('builtIn', false),
        ],
        indices: [new TableIndex({ name: 'UQ_roles_code', columnNames: ['code'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'workgroups',
        columns: [
          id(),
          varchar('code', 64),
          varchar('name', 200),
          varchar('specialisation', 200, { isNullable: true }),
          varchar('territory', 200, { isNullable: true }),
          int('qualificationLevel', { default: 1 }),
          int('parentId', { isNullable: true }),
          int('managerId', { isNullable: true }),
          bool('active', true),
        ],
        indices: [new TableIndex({ name: 'UQ_workgroups_code', columnNames: ['code'], isUnique: true })],
      }),
    );
    await runner.createTable(joinTable('user_roles', 'userId', 'users', 'roleId', 'roles'));
    await runner.createTable(joinTable('workgroup_members', 'workgroupId', 'workgroups', 'userId', 'users'));
    await runner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          id(),
          varchar('tokenHash', 64),
          int('userId'),
          instant('createdAt'),
          instant('expiresAt'),
          instant('revokedAt', { isNullable: true }),
          varchar('ip', 64, { isNullable: true }),
        ],
        indices: [new TableIndex({ name: 'UQ_sessions_tokenHash', columnNames: ['tokenHash'], isUnique: true }), new TableIndex({ columnNames: ['userId'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'api_tokens',
        columns: [
          id(),
          varchar('name', 200),
          varchar('prefix', 16),
          varchar('tokenHash', 64),
          int('userId'),
          json('scopes'),
          int('createdById', { isNullable: true }),
          instant('createdAt'),
          instant('expiresAt', { isNullable: true }),
          instant('revokedAt', { isNullable: true }),
          instant('lastUsedAt', { isNullable: true }),
        ],
        indices: [new TableIndex({ name: 'UQ_api_tokens_tokenHash', columnNames: ['tokenHash'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'login_attempts',
        columns: [id(), varchar('login', 64), varchar('ip', 64), instant('at'), bool('succeeded')],
        indices: [
          new TableIndex({ name: 'IDX_login_attempts_login_at', columnNames: ['login', 'at'] }),
          new TableIndex({ name: 'IDX_login_attempts_ip_at', columnNames: ['ip', 'at'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'audit_entries',
        columns: [
          id(),
          instant('at'),
          int('actorId', { isNullable: true }),
          varchar('actorLogin', 64),
          varchar('entityType', 64),
          varchar('entityId', 64),
          varchar('action', 64),
          json('changes'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_audit_entries_entity', columnNames: ['entityType', 'entityId'] }),
          new TableIndex({ name: 'IDX_audit_entries_at', columnNames: ['at'] }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['audit_entries', 'login_attempts', 'api_tokens', 'sessions', 'workgroup_members', 'user_roles', 'workgroups', 'roles', 'users']) {
      await runner.dropTable(table);
    }
  }
}
