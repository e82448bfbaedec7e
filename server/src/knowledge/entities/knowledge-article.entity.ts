import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

export const AUDIENCES = ['internal', 'customer'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** A knowledge base article: staff read every one, customers only published ones for the `customer` audience. */
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

  @Column({ type: 'int', nullable: true })
  createdById!: number | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
