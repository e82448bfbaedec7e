import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { In } from 'typeorm';
import { Workgroup } from '../auth/entities/workgroup.entity';
import type { Principal } from '../auth/principal';
import { KnowledgeArticleWorkgroup } from './entities/knowledge-article-workgroup.entity';
import { KnowledgeArticle } from './entities/knowledge-article.entity';

/** Knowledge managers read every article, drafts and every workgroup's included. */
const READS_ALL = 'knowledge.manage';

/**
 * The workgroups whose articles a staff user reads: those they belong to and every group above them (an
 * article meant for a department reaches its teams). Null when they read every article.
 */
export async function readerWorkgroups(manager: EntityManager, actor: Principal): Promise<number[] | null> {
  if (actor.permissions.has(READS_ALL)) return null;
  const own: { workgroupId: number | string }[] = await manager.query('SELECT workgroupId FROM workgroup_members WHERE userId = ?', [actor.userId]);
  if (!own.length) return [];
  const parentOf = new Map((await manager.find(Workgroup, { select: { id: true, parentId: true } })).map((group) => [group.id, group.parentId]));
  const groups = new Set<number>();
  for (const row of own) {
    for (let id: number | null = Number(row.workgroupId); id !== null && !groups.has(id); id = parentOf.get(id) ?? null) groups.add(id);
  }
  return [...groups];
}

/** Narrows a query over articles (alias `alias`) to those meant for all staff or for one of `groups`. */
export function whereReadable(builder: SelectQueryBuilder<KnowledgeArticle>, alias: string, groups: number[] | null): void {
  if (groups === null) return;
  const forAll = `NOT EXISTS (SELECT 1 FROM knowledge_article_workgroups kw WHERE kw.articleId = ${alias}.id)`;
  if (!groups.length) builder.andWhere(forAll);
  else builder.andWhere(`(${forAll} OR EXISTS (SELECT 1 FROM knowledge_article_workgroups kg WHERE kg.articleId = ${alias}.id AND kg.workgroupId IN (:...readerGroups)))`, { readerGroups: groups });
}

/** The articles among `ids` the actor may read: published (drafts only for knowledge managers) and meant for them. */
export async function readableArticles(manager: EntityManager, actor: Principal, ids: readonly number[]): Promise<KnowledgeArticle[]> {
  if (!ids.length) return [];
  const groups = await readerWorkgroups(manager, actor);
  const builder = manager.getRepository(KnowledgeArticle).createQueryBuilder('a').where({ id: In([...new Set(ids)]) }).orderBy('a.id', 'ASC');
  if (groups !== null) builder.andWhere('a.published = :published', { published: true });
  whereReadable(builder, 'a', groups);
  return builder.getMany();
}

/** The workgroups each article is meant for, by article id. */
export async function articleWorkgroups(manager: EntityManager, articleIds: readonly number[]): Promise<Map<number, number[]>> {
  const rows = articleIds.length ? await manager.find(KnowledgeArticleWorkgroup, { where: { articleId: In([...articleIds]) }, order: { workgroupId: 'ASC' } }) : [];
  const byArticle = new Map<number, number[]>();
  for (const row of rows) byArticle.set(row.articleId, [...(byArticle.get(row.articleId) ?? []), row.workgroupId]);
  return byArticle;
}
