import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { KnowledgeController, PortalKnowledgeController } from './knowledge.controller';
import { KnowledgeService } from './knowledge.service';

/** The knowledge base: articles with their topics and tags, staff search and the portal's self-service search. */
@Module({
  imports: [AuditModule],
  controllers: [KnowledgeController, PortalKnowledgeController],
  providers: [KnowledgeService],
  exports: [KnowledgeService],
})
export class KnowledgeModule {}
