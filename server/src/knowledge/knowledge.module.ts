import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ArticleLinksController } from './article-links.controller';
import { ArticleLinksService } from './article-links.service';
import { KnowledgeController, PortalKnowledgeController } from './knowledge.controller';
import { KnowledgeService } from './knowledge.service';

/** The knowledge base: articles with their kinds, topics, tags and workgroups, links from requests and problems, staff search and the portal's self-service search. */
@Module({
  imports: [AuditModule],
  controllers: [KnowledgeController, PortalKnowledgeController, ArticleLinksController],
  providers: [KnowledgeService, ArticleLinksService],
  exports: [KnowledgeService],
})
export class KnowledgeModule {}
