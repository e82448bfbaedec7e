import { ProblemArticle, RequestArticle } from './article-link.entity';
import { KnowledgeArticleTopic } from './knowledge-article-topic.entity';
import { KnowledgeArticleWorkgroup } from './knowledge-article-workgroup.entity';
import { KnowledgeArticle } from './knowledge-article.entity';

export const KNOWLEDGE_ENTITIES = [KnowledgeArticle, KnowledgeArticleTopic, KnowledgeArticleWorkgroup, RequestArticle, ProblemArticle];
