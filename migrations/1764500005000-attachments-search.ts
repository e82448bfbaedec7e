import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { htmlToPlainText } from '../server/src/attachments/extraction/html-text';
import { textChunks } from '../server/src/search/search-text';
import { id, instant, int, json, longText, smallint, varchar } from './columns';

const BATCH = 500;

/**
 * Attachments, and the full-text search rows with the one piece each database needs raw SQL for: a
 * FULLTEXT index on MariaDB/MySQL, an FTS5 table kept in step by triggers on SQLite. Existing requests
 * and comments are indexed here, so search finds what was written before it existed.
 */
export class AttachmentsSearch1764500005000 implements MigrationInterface {
  name = 'AttachmentsSearch1764500005000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'attachments',
        columns: [
          id(),
          varchar('ownerType', 16),
          int('ownerId'),
          int('requestId', { isNullable: true }),
          int('clientId', { isNullable: true }),
          varchar('fileName', 255),
          varchar('declaredType', 127),
          varchar('contentType', 127),
          int('size'),
          varchar('sha256', 64),
          varchar('storageKey', 200),
          json('attributes'),
          varchar('textStatus', 16),
          int('textLength', { default: 0 }),
          varchar('scannedBy', 64),
          int('createdById', { isNullable: true }),
          instant('createdAt'),
          instant('deletedAt', { isNullable: true }),
          int('deletedById', { isNullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'IDX_attachments_owner', columnNames: ['ownerType', 'ownerId'] }),
          new TableIndex({ name: 'IDX_attachments_request', columnNames: ['requestId'] }),
          new TableIndex({ name: 'IDX_attachments_client', columnNames: ['clientId'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'search_documents',
        columns: [id(), varchar('ownerType', 16), int('ownerId'), int('requestId', { isNullable: true }), int('clientId', { isNullable: true }), varchar('visibility', 16, { isNullable: true }), smallint('chunk', { default: 0 }), longText('text')],
        indices: [new TableIndex({ name: 'IDX_search_documents_owner', columnNames: ['ownerType', 'ownerId'] }), new TableIndex({ name: 'IDX_search_documents_request', columnNames: ['requestId'] })],
      }),
    );
    const sqlite = runner.connection.driver.options.type === 'better-sqlite3';
    if (sqlite) {
      // External content: the text is stored once (in search_documents); triggers keep the index in the
      // writer's transaction. A later migration that rebuilds search_documents must recreate them.
      await runner.query(`CREATE VIRTUAL TABLE search_documents_fts USING fts5(text, content='search_documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`);
      await runner.query('CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN INSERT INTO search_documents_fts(rowid, text) VALUES (new.id, new.text); END');
      await runner.query(`CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN INSERT INTO search_documents_fts(search_documents_fts, rowid, text) VALUES ('delete', old.id, old.text); END`);
      await runner.query(
        `CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN INSERT INTO search_documents_fts(search_documents_fts, rowid, text) VALUES ('delete', old.id, old.text); INSERT INTO search_documents_fts(rowid, text) VALUES (new.id, new.text); END`,
      );
    }
    await this.indexExisting(runner);
    // Built after the rows are in: one pass instead of an update per row.
    if (!sqlite) await runner.query('ALTER TABLE search_documents ADD FULLTEXT INDEX FT_search_documents_text (text)');
  }

  async down(runner: QueryRunner): Promise<void> {
    if (runner.connection.driver.options.type === 'better-sqlite3') await runner.query('DROP TABLE IF EXISTS search_documents_fts');
    await runner.dropTable('search_documents');
    await runner.dropTable('attachments');
  }

  private async indexExisting(runner: QueryRunner): Promise<void> {
    type Row = { id: number; subject?: string; description?: string | null; clientId?: number | null; requestId?: number; body?: string; visibility?: string };
    const write = async (ownerType: string, row: Row, requestId: number, clientId: number | null, visibility: string | null, text: string) => {
      for (const [chunk, part] of textChunks(text).entries()) {
        await runner.query('INSERT INTO search_documents (ownerType, ownerId, requestId, clientId, visibility, chunk, text) VALUES (?, ?, ?, ?, ?, ?, ?)', [ownerType, row.id, requestId, clientId, visibility, chunk, part]);
      }
    };
    for (let last = 0; ; ) {
      const rows: Row[] = await runner.query('SELECT id, subject, description, clientId FROM requests WHERE id > ? ORDER BY id LIMIT ?', [last, BATCH]);
      if (!rows.length) break;
      for (const row of rows) await write('request', row, row.id, row.clientId ?? null, null, row.description ? `${row.subject}\n${htmlToPlainText(row.description)}` : (row.subject ?? ''));
      last = Number(rows[rows.length - 1].id);
    }
    for (let last = 0; ; ) {
      const rows: Row[] = await runner.query('SELECT c.id, c.requestId, c.body, d.visibility FROM request_comments c LEFT JOIN request_discussions d ON d.id = c.discussionId WHERE c.id > ? ORDER BY c.id LIMIT ?', [last, BATCH]);
      if (!rows.length) break;
      for (const row of rows) await write('comment', row, Number(row.requestId), null, row.visibility ?? 'internal', htmlToPlainText(row.body ?? ''));
      last = Number(rows[rows.length - 1].id);
    }
  }
}
