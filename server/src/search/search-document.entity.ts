import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const SEARCH_OWNERS = ['request', 'comment', 'attachment'] as const;
export type SearchOwner = (typeof SEARCH_OWNERS)[number];

/**
 * One row of searchable text: a request's subject and description, a comment, or (in chunks) an
 * attachment's extracted text. `requestId`/`clientId` carry the access rules of what it belongs to.
 * MariaDB searches it through the FULLTEXT index below (made by the migration only, hence
 * `synchronize: false`); SQLite through the FTS5 table `search_documents_fts` kept in step by triggers.
 */
@Entity('search_documents')
@Index('IDX_search_documents_owner', ['ownerType', 'ownerId'])
@Index('IDX_search_documents_request', ['requestId'])
@Index('FT_search_documents_text', { synchronize: false })
export class SearchDocument {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  ownerType!: SearchOwner;

  @Column({ type: 'int' })
  ownerId!: number;

  @Column({ type: 'int', nullable: true })
  requestId!: number | null;

  @Column({ type: 'int', nullable: true })
  clientId!: number | null;

  /** A comment's discussion visibility (internal, customer, partner); null for what is not in a discussion. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  visibility!: string | null;

  @Column({ type: 'smallint', default: 0 })
  chunk!: number;

  @Column({ type: 'text' })
  text!: string;
}
