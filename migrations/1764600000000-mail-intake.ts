import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, id, instant, int, varchar } from './columns';

/**
 * IMAP mailboxes read by e-mail intake, the messages each has handled (de-duplication by Message-ID), and the
 * outbox's Message-IDs indexed, since a reply is threaded by the Message-ID of the notification it answers.
 */
export class MailIntake1764600000000 implements MigrationInterface {
  name = 'MailIntake1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'mailboxes',
        columns: [
          id(),
          varchar('code', 64),
          varchar('name', 200),
          varchar('host', 255),
          int('port'),
          bool('tls'),
          varchar('username', 255),
          varchar('password', 255),
          varchar('folder', 255, { default: "'INBOX'" }),
          bool('active', true),
          int('topicId'),
          int('queueId', { isNullable: true }),
          int('channelId', { isNullable: true }),
          int('directionId', { isNullable: true }),
          int('operatorId'),
          int('pollSeconds', { default: 60 }),
          varchar('uidValidity', 32, { isNullable: true }),
          int('lastUid', { default: 0 }),
          instant('lastPolledAt', { isNullable: true }),
          varchar('lastError', 1000, { isNullable: true }),
          instant('createdAt'),
          instant('updatedAt'),
        ],
        indices: [new TableIndex({ name: 'UQ_mailboxes_code', columnNames: ['code'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'mail_messages',
        columns: [id(), int('mailboxId'), varchar('messageKey', 255), int('uid'), varchar('outcome', 16), int('requestId', { isNullable: true }), int('commentId', { isNullable: true }), varchar('detail', 1000, { isNullable: true }), instant('createdAt')],
        indices: [new TableIndex({ name: 'UQ_mail_messages_key', columnNames: ['mailboxId', 'messageKey'], isUnique: true })],
      }),
    );
    await runner.createIndex('outbox_messages', new TableIndex({ name: 'IDX_outbox_messages_messageId', columnNames: ['messageId'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('outbox_messages', 'IDX_outbox_messages_messageId');
    await runner.dropTable('mail_messages');
    await runner.dropTable('mailboxes');
  }
}
