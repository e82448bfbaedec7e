import type { Audience } from '../../../../server/src/knowledge/entities/knowledge-article.entity';
import type { ArticleView } from '../../../../server/src/knowledge/knowledge.service';
import type { Wire } from '../../api/types';

export type { Audience };
export type Article = Wire<ArticleView>;

const AUDIENCE_COLOURS: Record<Audience, string> = { internal: 'default', customer: 'geekblue' };
export const AUDIENCES = Object.keys(AUDIENCE_COLOURS) as Audience[];
export const audienceColour = (audience: Audience) => AUDIENCE_COLOURS[audience];
