import { Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

/** An article that answers a request, linked from the request's card. */
@Entity('request_articles')
@Index('IDX_request_articles_article', ['articleId'])
export class RequestArticle {
  @PrimaryColumn({ type: 'int' })
  requestId!: number;

  @PrimaryColumn({ type: 'int' })
  articleId!: number;

  @InstantColumn()
  linkedAt!: Date;
}

/** An article about a problem (its known error, its workaround), linked from the problem's card. */
@Entity('problem_articles')
@Index('IDX_problem_articles_article', ['articleId'])
export class ProblemArticle {
  @PrimaryColumn({ type: 'int' })
  problemId!: number;

  @PrimaryColumn({ type: 'int' })
  articleId!: number;

  @InstantColumn()
  linkedAt!: Date;
}
