import type { ArticleKind, Audience } from '../../../../server/src/knowledge/entities/knowledge-article.entity';
import type { LinkedArticleView } from '../../../../server/src/knowledge/article-links.service';
import type { ArticleView } from '../../../../server/src/knowledge/knowledge.service';
import type { Wire } from '../../api/types';

export type { ArticleKind, Audience };
export type Article = Wire<ArticleView>;
export type LinkedArticle = Wire<LinkedArticleView>;

const AUDIENCE_COLOURS: Record<Audience, string> = { internal: 'default', customer: 'geekblue' };
export const AUDIENCES = Object.keys(AUDIENCE_COLOURS) as Audience[];
export const audienceColour = (audience: Audience) => AUDIENCE_COLOURS[audience];

const KIND_COLOURS: Record<ArticleKind, string> = { article: 'default', faq: 'cyan', known_error: 'volcano' };
export const ARTICLE_KINDS = Object.keys(KIND_COLOURS) as ArticleKind[];
export const kindColour = (kind: ArticleKind) => KIND_COLOURS[kind];
