import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequirePermission } from '../auth/principal';
import { TopicNode } from './entities/topic-node.entity';

export interface CatalogNode {
  id: number;
  code: string;
  name: string;
  kind: 'group' | 'topic';
  parentId: number | null;
}

/**
 * The active topic tree as an operator's topic picker needs it. Reading the tree for design needs
 * topics.manage; choosing a topic for a new request needs only the right to register requests.
 */
@ApiTags('topics')
@ApiBearerAuth()
@Controller('topic-catalog')
export class TopicCatalogController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @RequirePermission('requests.create')
  @ApiOperation({ summary: 'active groups and topics in tree order, for choosing the topic of a new request' })
  async list(): Promise<CatalogNode[]> {
    const nodes = await this.dataSource.getRepository(TopicNode).find({ where: { active: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return nodes.map(({ id, code, name, kind, parentId }) => ({ id, code, name, kind, parentId }));
  }
}
