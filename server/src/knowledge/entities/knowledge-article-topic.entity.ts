import { Entity, Index, PrimaryColumn } from 'typeorm';

/** An article linked to a topic: the portal offers it beside that topic's form. */
@Entity('knowledge_article_topics')
@Index('IDX_knowledge_article_topics_topic', ['topicId'])
export class KnowledgeArticleTopic {
  @PrimaryColumn({ type: 'int' })
  articleId!: number;

  @PrimaryColumn({ type: 'int' })
  topicId!: number;
}
