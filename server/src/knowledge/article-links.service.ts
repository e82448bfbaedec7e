import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest, notFound } from '../common/docket-error';
import { Problem } from '../problems/entities/problem.entity';
import { Idempotency } from '../requests/processing/idempotency';
import { accessRequest, workableRequest } from '../requests/processing/request-access';
import { readableArticles } from './article-visibility';
import { ProblemArticle, RequestArticle } from './entities/article-link.entity';
import type { KnowledgeArticle } from './entities/knowledge-article.entity';

export type LinkedArticleView = Pick<KnowledgeArticle, 'id' | 'title' | 'body' | 'kind' | 'audience' | 'updatedAt'>;

type LinkTable = typeof RequestArticle | typeof ProblemArticle;
/** The linking row's key column of each owner: a request or a problem. */
const OWNER = new Map<LinkTable, 'requestId' | 'problemId'>([
  [RequestArticle, 'requestId'],
  [ProblemArticle, 'problemId'],
]);

const viewOf = ({ id, title, body, kind, audience, updatedAt }: KnowledgeArticle): LinkedArticleView => ({ id, title, body, kind, audience, updatedAt });

/**
 * Knowledge articles linked from requests and problems. A caller sees, links and unlinks only the articles they
 * may read; a link to an article hidden from them stays as it is when they set the others.
 */
@Injectable()
export class ArticleLinksService {
  private readonly idempotency: Idempotency;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.idempotency = new Idempotency(dataSource);
  }

  async ofRequest(actor: Principal, requestId: number): Promise<LinkedArticleView[]> {
    await accessRequest(this.dataSource.manager, actor, requestId);
    return this.linked(this.dataSource.manager, actor, RequestArticle, requestId);
  }

  setForRequest(actor: Principal, requestId: number, articleIds: number[], key: string | undefined, now = new Date()): Promise<LinkedArticleView[]> {
    return this.idempotency.run(actor, key, { method: 'PUT', path: `/api/requests/${requestId}/articles`, body: { articleIds }, status: 200 }, async (manager) => {
      await workableRequest(manager, actor, requestId);
      return this.replace(manager, actor, RequestArticle, requestId, articleIds, 'request', now);
    });
  }

  async ofProblem(actor: Principal, problemId: number): Promise<LinkedArticleView[]> {
    await this.problem(this.dataSource.manager, problemId);
    return this.linked(this.dataSource.manager, actor, ProblemArticle, problemId);
  }

  setForProblem(actor: Principal, problemId: number, articleIds: number[], key: string | undefined, now = new Date()): Promise<LinkedArticleView[]> {
    return this.idempotency.run(actor, key, { method: 'PUT', path: `/api/problems/${problemId}/articles`, body: { articleIds }, status: 200 }, async (manager) => {
      await this.problem(manager, problemId);
      return this.replace(manager, actor, ProblemArticle, problemId, articleIds, 'problem', now);
    });
  }

  private async problem(manager: EntityManager, id: number): Promise<void> {
    if (!(await manager.existsBy(Problem, { id }))) throw notFound('Problem', id);
  }

  private async linkedIds(manager: EntityManager, table: LinkTable, ownerId: number): Promise<number[]> {
    return (await manager.find(table, { where: { [OWNER.get(table)!]: ownerId }, order: { articleId: 'ASC' } })).map((row) => row.articleId);
  }

  private async linked(manager: EntityManager, actor: Principal, table: LinkTable, ownerId: number): Promise<LinkedArticleView[]> {
    return (await readableArticles(manager, actor, await this.linkedIds(manager, table, ownerId))).map(viewOf);
  }

  /** The caller's readable links become `articleIds`; each id must be an article they may read. Journalled on the owner. */
  private async replace(manager: EntityManager, actor: Principal, table: LinkTable, ownerId: number, articleIds: number[], entityType: 'request' | 'problem', now: Date): Promise<LinkedArticleView[]> {
    const wanted = [...new Set(articleIds)];
    const before = await this.linkedIds(manager, table, ownerId);
    // One read of what the caller may read, for the articles asked for and those linked now alike.
    const readable = new Map((await readableArticles(manager, actor, [...wanted, ...before])).map((article) => [article.id, article]));
    const unknown = wanted.filter((id) => !readable.has(id));
    if (unknown.length) throw badRequest('invalid_articles', 'Some articles do not exist or are not yours to read', unknown.map((id) => ({ path: `articleIds.${articleIds.indexOf(id)}`, message: `article ${id} cannot be linked` })));
    const removed = before.filter((id) => readable.has(id) && !wanted.includes(id));
    const added = wanted.filter((id) => !before.includes(id));
    const owner = OWNER.get(table)!;
    if (removed.length) await manager.delete(table, { [owner]: ownerId, articleId: In(removed) });
    if (added.length) await manager.insert(table, added.map((articleId) => ({ [owner]: ownerId, articleId, linkedAt: now })));
    const after = await this.linkedIds(manager, table, ownerId);
    if (removed.length || added.length) await this.audit.record(manager, actor, { entityType, entityId: ownerId, action: 'articles.set', changes: [{ field: 'articles', old: before, new: after }] }, now);
    return after.flatMap((id) => readable.get(id) ?? []).map(viewOf);
  }
}
