import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { varchar } from './columns';

/** Mailbox passwords are stored sealed (SecretBox), longer than the 255 characters a password may have. */
export class SealedSecrets1764800000000 implements MigrationInterface {
  name = 'SealedSecrets1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.changeColumn('mailboxes', 'password', new TableColumn({ name: 'password', type: 'text' }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.changeColumn('mailboxes', 'password', new TableColumn(varchar('password', 255)));
  }
}
