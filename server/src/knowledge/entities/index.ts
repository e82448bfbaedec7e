import { KnowledgeArticleTopic } from './knowledge-article-topic.entity';
import { KnowledgeArticle } from './knowledge-article.entity';

export const KNOWLEDGE_ENTITIES = [KnowledgeArticle, KnowledgeArticleTopic];
