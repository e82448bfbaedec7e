import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, FindOptionsWhere, In, SelectQueryBuilder } from 'typeorm';
import { AuditService, changesBetween } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { definedFields } from '../common/defined-fields';
import { badRequest, conflict, notFound } from '../common/docket-error';
import { pageOf, pageWindow, type Page, type PageQuery } from '../common/paging';
import { escapeLike, LIKE_ESCAPE } from '../common/sql-like';
import { sanitizePlainText, sanitizeRichText } from '../requests/domain/rich-text';
import { TopicNode } from '../topics/entities/topic-node.entity';
import { Workgroup } from '../auth/entities/workgroup.entity';
import { articleWorkgroups, readerWorkgroups, whereReadable } from './article-visibility';
import { ProblemArticle, RequestArticle } from './entities/article-link.entity';
import { KnowledgeArticleTopic } from './entities/knowledge-article-topic.entity';
import { KnowledgeArticleWorkgroup } from './entities/knowledge-article-workgroup.entity';
import { KnowledgeArticle, type ArticleKind, type Audience } from './entities/knowledge-article.entity';
import type { CreateArticleDto, KnowledgeSearchQuery, PortalKnowledgeQuery, UpdateArticleDto } from './knowledge.dto';
import { normalTags, relevance, searchTerms, searchTextOf } from './knowledge-text';

export interface ArticleView {
  id: number;
  title: string;
  body: string;
  tags: string[];
  topicIds: number[];
  published: boolean;
  audience: Audience;
  kind: ArticleKind;
  /** Internal articles meant for these workgroups only; empty for all staff. */
  workgroupIds: number[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What a customer sees of an article: nothing of drafts, audiences or versions. */
export type CustomerArticleView = Pick<ArticleView, 'id' | 'title' | 'body' | 'tags' | 'topicIds' | 'kind' | 'updatedAt'>;

const AUDITED: (keyof KnowledgeArticle)[] = ['title', 'body', 'tags', 'published', 'audience', 'kind'];

interface Filter {
  q?: string;
  topicId?: number;
  audience?: Audience;
  kind?: ArticleKind;
  published?: boolean;
  /** Only articles meant for all staff or for these workgroups; null or absent: every one. */
  readerGroups?: number[] | null;
}

/** The most matches a knowledge query ranks by relevance: more, and they come newest first. */
const RANKED_MATCHES = 2_000;

/** Knowledge base articles: written by knowledge managers, searched by staff and (published customer ones) by the portal. */
@Injectable()
export class KnowledgeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every article matching, drafts included: the knowledge managers' list. */
  list(query: KnowledgeSearchQuery): Promise<Page<ArticleView>> {
    return this.page(query, query);
  }

  /** Staff search: published articles of either audience, of those meant for the caller's workgroups. */
  async search(actor: Principal, query: KnowledgeSearchQuery): Promise<Page<ArticleView>> {
    return this.page({ ...query, published: true, readerGroups: await readerWorkgroups(this.dataSource.manager, actor) }, query);
  }

  /** The portal: published articles for customers only. */
  async forCustomers(query: PortalKnowledgeQuery): Promise<Page<CustomerArticleView>> {
    const page = await this.page({ q: query.q, topicId: query.topicId, audience: 'customer', published: true }, query);
    return { ...page, items: page.items.map(customerView) };
  }

  async customerArticle(id: number): Promise<CustomerArticleView> {
    const article = await this.dataSource.getRepository(KnowledgeArticle).findOneBy({ id, published: true, audience: 'customer' });
    if (!article) throw notFound('Article', id);
    return customerView((await this.views(this.dataSource.manager, [article]))[0]);
  }

  workgroups(): Promise<Pick<Workgroup, 'id' | 'code' | 'name' | 'parentId'>[]> {
    return this.dataSource.getRepository(Workgroup).find({ where: { active: true }, select: { id: true, code: true, name: true, parentId: true }, order: { name: 'ASC' } });
  }

  async get(id: number): Promise<ArticleView> {
    const article = await this.dataSource.getRepository(KnowledgeArticle).findOneBy({ id });
    if (!article) throw notFound('Article', id);
    return (await this.views(this.dataSource.manager, [article]))[0];
  }

  async create(actor: Principal, body: CreateArticleDto, now = new Date()): Promise<ArticleView> {
    return this.dataSource.transaction(async (manager) => {
      const topicIds = await existingIds(manager, TopicNode, body.topicIds ?? [], 'topicIds', 'topic');
      const workgroupIds = await checkedWorkgroups(manager, body.workgroupIds ?? [], body.audience);
      const article = manager.create(KnowledgeArticle, { ...contentOf(body.title, body.body, body.tags ?? []), published: body.published ?? false, audience: body.audience, kind: body.kind ?? 'article', createdById: actor.userId, createdAt: now, updatedAt: now, version: 1 });
      await manager.save(article);
      await relinkArticle(manager, KnowledgeArticleTopic, article.id, topicIds.map((topicId) => ({ topicId })));
      await relinkArticle(manager, KnowledgeArticleWorkgroup, article.id, workgroupIds.map((workgroupId) => ({ workgroupId })));
      const changes = [...changesBetween(null, article, AUDITED), { field: 'topicIds', old: null, new: topicIds }, ...(workgroupIds.length ? [{ field: 'workgroupIds', old: null, new: workgroupIds }] : [])];
      await this.audit.record(manager, actor, { entityType: 'knowledgeArticle', entityId: article.id, action: 'create', changes }, now);
      return (await this.views(manager, [article]))[0];
    });
  }

  async update(actor: Principal, id: number, body: UpdateArticleDto, now = new Date()): Promise<ArticleView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(KnowledgeArticle, { id });
      if (!before) throw notFound('Article', id);
      if (before.version !== body.expectedVersion) throw conflict('stale_version', `Article ${id} changed since it was read`, [{ path: 'expectedVersion', message: `the current version is ${before.version}` }]);
      const { expectedVersion: _version, topicIds: newTopics, workgroupIds: newGroups, ...fields } = definedFields(body);
      const { topicIds: oldTopics, workgroupIds: oldGroups } = (await this.views(manager, [before]))[0];
      const topicIds = newTopics === undefined ? oldTopics : await existingIds(manager, TopicNode, newTopics, 'topicIds', 'topic');
      const workgroupIds = await checkedWorkgroups(manager, newGroups ?? oldGroups, fields.audience ?? before.audience);
      const after = { ...before, ...fields, ...contentOf(fields.title ?? before.title, fields.body ?? before.body, fields.tags ?? before.tags) };
      const changes = changesBetween(before, after, AUDITED);
      if (String(oldTopics) !== String(topicIds)) changes.push({ field: 'topicIds', old: oldTopics, new: topicIds });
      if (String(oldGroups) !== String(workgroupIds)) changes.push({ field: 'workgroupIds', old: oldGroups, new: workgroupIds });
      if (changes.length === 0) return (await this.views(manager, [before]))[0];
      const { id: _id, ...columns } = { ...after, updatedAt: now, version: before.version + 1 };
      const updated = await manager.update(KnowledgeArticle, { id, version: before.version }, columns);
      if (!updated.affected) throw conflict('stale_version', `Article ${id} changed since it was read`, [{ path: 'expectedVersion', message: 'changed meanwhile' }]);
      await relinkArticle(manager, KnowledgeArticleTopic, id, topicIds.map((topicId) => ({ topicId })));
      await relinkArticle(manager, KnowledgeArticleWorkgroup, id, workgroupIds.map((workgroupId) => ({ workgroupId })));
      await this.audit.record(manager, actor, { entityType: 'knowledgeArticle', entityId: id, action: 'update', changes }, now);
      return (await this.views(manager, [{ ...after, ...columns, id }]))[0];
    });
  }

  async remove(actor: Principal, id: number, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const article = await manager.findOneBy(KnowledgeArticle, { id });
      if (!article) throw notFound('Article', id);
      for (const link of [KnowledgeArticleTopic, KnowledgeArticleWorkgroup, RequestArticle, ProblemArticle]) await manager.delete(link, { articleId: id });
      await manager.delete(KnowledgeArticle, { id });
      await this.audit.record(manager, actor, { entityType: 'knowledgeArticle', entityId: id, action: 'delete', changes: changesBetween(article, {}, ['title', 'published', 'audience']) }, now);
    });
  }

  /** The newest first; for a query, the best answers first (`relevance`), the newest first among equals. */
  private async page(filter: Filter, paging: PageQuery): Promise<Page<ArticleView>> {
    const builder = this.dataSource.getRepository(KnowledgeArticle).createQueryBuilder('a').orderBy('a.updatedAt', 'DESC').addOrderBy('a.id', 'DESC');
    applyFilter(builder, filter);
    const terms = searchTerms(filter.q);
    const view = (rows: KnowledgeArticle[]) => this.views(this.dataSource.manager, rows);
    if (!terms.length) return pageOf(builder, paging, view);
    // Ranked by what each match's title and tags hold; beyond RANKED_MATCHES a query says too little to rank by.
    const total = await builder.clone().getCount();
    if (total > RANKED_MATCHES) return pageOf(builder, paging, view);
    const matches = await builder.clone().select(['a.id', 'a.title', 'a.tags']).getMany();
    const scores = new Map(matches.map((row) => [row.id, relevance(terms, row.title, row.tags)]));
    const { skip, take } = pageWindow(paging);
    const ids = [...scores.keys()].sort((a, b) => scores.get(b)! - scores.get(a)!).slice(skip, skip + take);
    const rows = new Map((ids.length ? await this.dataSource.getRepository(KnowledgeArticle).findBy({ id: In(ids) }) : []).map((row) => [row.id, row]));
    return { items: await view(ids.map((id) => rows.get(id)!)), total, page: paging.page, pageSize: paging.pageSize };
  }


  private async views(manager: EntityManager, rows: KnowledgeArticle[]): Promise<ArticleView[]> {
    const links = rows.length ? await manager.find(KnowledgeArticleTopic, { where: { articleId: In(rows.map((row) => row.id)) }, order: { topicId: 'ASC' } }) : [];
    const groups = await articleWorkgroups(manager, rows.map((row) => row.id));
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      body: row.body,
      tags: row.tags,
      topicIds: links.filter((link) => link.articleId === row.id).map((link) => link.topicId),
      published: row.published,
      audience: row.audience,
      kind: row.kind,
      workgroupIds: groups.get(row.id) ?? [],
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    }));
  }
}

function contentOf(title: string, body: string, tags: string[]) {
  const cleanTitle = sanitizePlainText(title);
  const html = sanitizeRichText(body);
  const details = [...(cleanTitle ? [] : [{ path: 'title', message: 'is empty once markup is removed' }]), ...(html ? [] : [{ path: 'body', message: 'is empty once unsafe markup is removed' }])];
  if (details.length) throw badRequest('invalid_article', 'The article is not valid', details);
  const clean = normalTags(tags);
  return { title: cleanTitle, body: html, tags: clean, searchText: searchTextOf(cleanTitle, sanitizePlainText(html), clean) };
}

function applyFilter(builder: SelectQueryBuilder<KnowledgeArticle>, filter: Filter): void {
  searchTerms(filter.q).forEach((term, index) => builder.andWhere(`a.searchText LIKE :term${index} ${LIKE_ESCAPE}`, { [`term${index}`]: `%${escapeLike(term)}%` }));
  if (filter.topicId !== undefined) builder.andWhere('a.id IN (SELECT t.articleId FROM knowledge_article_topics t WHERE t.topicId = :topicId)', { topicId: filter.topicId });
  if (filter.audience !== undefined) builder.andWhere('a.audience = :audience', { audience: filter.audience });
  if (filter.kind !== undefined) builder.andWhere('a.kind = :kind', { kind: filter.kind });
  if (filter.readerGroups !== undefined) whereReadable(builder, 'a', filter.readerGroups);
  if (filter.published !== undefined) builder.andWhere('a.published = :published', { published: filter.published ? 1 : 0 });
}

function customerView({ id, title, body, tags, topicIds, kind, updatedAt }: ArticleView): CustomerArticleView {
  return { id, title, body, tags, topicIds, kind, updatedAt };
}

/** The ids, unique and sorted, once each is a row of `entity`; the missing ones are refused under `path`. */
async function existingIds(manager: EntityManager, entity: typeof TopicNode | typeof Workgroup, ids: number[], path: string, noun: string): Promise<number[]> {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  if (unique.length === 0) return [];
  const found = new Set((await manager.find(entity, { where: { id: In(unique) }, select: { id: true } })).map((row) => row.id));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length) throw badRequest('invalid_article', 'The article is not valid', missing.map((id) => ({ path, message: `unknown ${noun} ${id}` })));
  return unique;
}

/** Workgroups that exist, for an internal article: a customer article is read on the portal by everyone it is published to. */
async function checkedWorkgroups(manager: EntityManager, ids: number[], audience: Audience): Promise<number[]> {
  if (ids.length && audience !== 'internal') throw badRequest('invalid_article', 'The article is not valid', [{ path: 'workgroupIds', message: 'only internal articles are meant for workgroups' }]);
  return existingIds(manager, Workgroup, ids, 'workgroupIds', 'workgroup');
}

/** Replaces an article's rows in one of its link tables (topics, workgroups). */
async function relinkArticle<Link extends { articleId: number }>(manager: EntityManager, table: EntityTarget<Link>, articleId: number, links: Omit<Link, 'articleId'>[]): Promise<void> {
  await manager.delete(table, { articleId } as FindOptionsWhere<Link>);
  if (links.length) await manager.insert(table, links.map((link) => ({ ...link, articleId })) as never);
}
