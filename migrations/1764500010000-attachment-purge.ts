import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** Deleted attachments by when they were deleted: the daily purge finds those past the retention without a scan. */
export class AttachmentPurge1764500010000 implements MigrationInterface {
  name = 'AttachmentPurge1764500010000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createIndex('attachments', new TableIndex({ name: 'IDX_attachments_deleted', columnNames: ['deletedAt'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('attachments', 'IDX_attachments_deleted');
  }
}
