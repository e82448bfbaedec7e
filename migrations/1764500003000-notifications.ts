import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, id, instant, int, longText, varchar } from './columns';

/** Notification templates, in-app notifications, per-user channel preferences and notification stream tickets. */
export class Notifications1764500003000 implements MigrationInterface {
  name = 'Notifications1764500003000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'notification_templates',
        columns: [id(), varchar('code', 64), varchar('language', 8), varchar('name', 200), varchar('subject', 500), longText('html'), longText('text'), bool('active', true), bool('builtIn', false), instant('createdAt'), instant('updatedAt')],
        indices: [new TableIndex({ name: 'UQ_notification_templates_code_language', columnNames: ['code', 'language'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'notifications',
        columns: [id(), int('userId'), varchar('event', 64), varchar('eventKey', 128), int('requestId', { isNullable: true }), varchar('title', 255), longText('body'), instant('readAt', { isNullable: true }), instant('createdAt')],
        indices: [
          new TableIndex({ name: 'UQ_notifications_user_event_key', columnNames: ['userId', 'eventKey'], isUnique: true }),
          new TableIndex({ name: 'IDX_notifications_user_read', columnNames: ['userId', 'readAt'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'notification_preferences',
        columns: [id(), int('userId'), varchar('event', 64), bool('email'), bool('inApp')],
        indices: [new TableIndex({ name: 'UQ_notification_preferences_user_event', columnNames: ['userId', 'event'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'notification_stream_tickets',
        columns: [id(), varchar('ticketHash', 64), int('userId'), instant('expiresAt'), instant('usedAt', { isNullable: true })],
        indices: [new TableIndex({ name: 'UQ_notification_stream_tickets_hash', columnNames: ['ticketHash'], isUnique: true })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('notification_stream_tickets');
    await runner.dropTable('notification_preferences');
    await runner.dropTable('notifications');
    await runner.dropTable('notification_templates');
  }
}
