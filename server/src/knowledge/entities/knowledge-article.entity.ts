import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

export const AUDIENCES = ['internal', 'customer'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const ARTICLE_KINDS = ['article', 'faq', 'known_error'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/**
 * A knowledge base article: staff read the published ones of their workgroups (every one when it names no
 * workgroup), customers only published ones for the `customer` audience.
 */
@Entity('knowledge_articles')
@Index('IDX_knowledge_articles_audience', ['published', 'audience'])
export class KnowledgeArticle {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 300 })
  title!: string;

  /** Sanitised rich text (HTML). */
  @Column({ type: 'text' })
  body!: string;

  /** Lower-cased plain text of title, body and tags: what search matches, alike on both databases. */
  @Column({ type: 'text', select: false })
  searchText!: string;

  @Column({ type: 'simple-json' })
  tags!: string[];

  @Column({ default: false })
  published!: boolean;

  @Column({ type: 'varchar', length: 16 })
  audience!: Audience;

  /** An article, a question with its answer, or a known error with its workaround. */
  @Column({ type: 'varchar', length: 16, default: 'article' })
  kind!: ArticleKind;

  @Column({ type: 'int', nullable: true })
  createdById!: number | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
