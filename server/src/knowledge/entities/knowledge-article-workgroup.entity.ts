import { Entity, Index, PrimaryColumn } from 'typeorm';

/** An internal article meant for one workgroup (and the groups under it); an article naming none is for all staff. */
@Entity('knowledge_article_workgroups')
@Index('IDX_knowledge_article_workgroups_group', ['workgroupId'])
export class KnowledgeArticleWorkgroup {
  @PrimaryColumn({ type: 'int' })
  articleId!: number;

  @PrimaryColumn({ type: 'int' })
  workgroupId!: number;
}
