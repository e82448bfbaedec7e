import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AttributeGroupsService } from './attribute-groups.service';
import { AttributeGroupsController, AttributesController, BindingsController } from './attributes.controller';
import { AttributesService } from './attributes.service';
import { BindingsService } from './bindings.service';
import { AttributeBinding } from './entities/attribute-binding.entity';
import { AttributeDefinition } from './entities/attribute-definition.entity';
import { AttributeGroup } from './entities/attribute-group.entity';
import { TopicNode } from './entities/topic-node.entity';
import { FormsService } from './forms.service';
import { ListColumnService } from './list-column.service';
import { TopicNodesService } from './topic-nodes.service';
import { TopicsController } from './topics.controller';
import { TopicCatalogController } from './topic-catalog.controller';

/** Topics in a tree of groups, dynamic attributes and their groups, bindings, and the resolved form. */
@Module({
  imports: [TypeOrmModule.forFeature([TopicNode, AttributeDefinition, AttributeGroup, AttributeBinding]), AuditModule],
  controllers: [TopicsController, BindingsController, AttributesController, AttributeGroupsController, TopicCatalogController],
  providers: [TopicNodesService, AttributesService, AttributeGroupsService, BindingsService, FormsService, ListColumnService],
  exports: [FormsService, ListColumnService, TopicNodesService, AttributesService, AttributeGroupsService, BindingsService],
})
export class TopicsModule {}
