import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Principal } from '../auth/principal';
import { notFound } from '../common/docket-error';
import { Dictionary } from '../dictionaries/entities/dictionary.entity';
import { DictionaryItem } from '../dictionaries/entities/dictionary-item.entity';
import { contextData, stepOverrides } from '../requests/processing/request-context';
import { ROUTE_SOURCE, type RouteSource } from '../requests/route-source';
import { TopicNode } from '../topics/entities/topic-node.entity';
import { FormsService } from '../topics/forms.service';
import type { JsonSchema } from '../topics/resolution/value-types';
import { customerOf, type Customer } from './customer-access';
import { firstUserTask } from './first-step';

export interface PortalTopic {
  id: number;
  code: string;
  name: string;
  /** Names of the groups above the topic, from the root. */
  path: string[];
}

export interface PortalForm {
  topic: { id: number; code: string; name: string };
  step: { id?: string; name?: string } | null;
  /** The resolver's JSON Schema; dictionary attributes carry `enum` and `x-docket-options` for drop-downs. */
  schema: JsonSchema;
}

/** The topics the portal offers (active, with a published route) and their forms as a customer sees them. */
@Injectable()
export class PortalFormsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ROUTE_SOURCE) private readonly routes: RouteSource,
    private readonly forms: FormsService,
  ) {}

  async topics(actor: Principal): Promise<PortalTopic[]> {
    const manager = this.dataSource.manager;
    await customerOf(manager, actor);
    const nodes = await manager.find(TopicNode, { where: { active: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const offered: PortalTopic[] = [];
    for (const node of nodes.filter((candidate) => candidate.kind === 'topic')) {
      if (!(await this.routes.publishedForTopic(manager, node.id))) continue;
      const path: string[] = [];
      for (let parent = node.parentId === null ? undefined : byId.get(node.parentId); parent; parent = parent.parentId === null ? undefined : byId.get(parent.parentId)) path.unshift(parent.name);
      offered.push({ id: node.id, code: node.code, name: node.name, path });
    }
    return offered;
  }

  /** Whether the portal offers the topic; a topic it does not offer is "not found" to a customer. */
  async offered(manager: EntityManager, topicId: number) {
    const topic = await manager.findOneBy(TopicNode, { id: topicId, kind: 'topic', active: true });
    const route = topic ? await this.routes.publishedForTopic(manager, topic.id) : null;
    return topic && route ? { topic, route } : null;
  }

  async form(actor: Principal, topicId: number): Promise<PortalForm> {
    const manager = this.dataSource.manager;
    const customer = await customerOf(manager, actor);
    const offer = await this.offered(manager, topicId);
    if (!offer) throw notFound('Topic', topicId);
    const step = stepOverrides(firstUserTask(offer.route.definition));
    const context = await this.context(manager, actor, customer, offer.topic.code);
    const form = await this.forms.resolve(topicId, { context: { ...context, ...(step ? { step: { id: step.stepId } } : {}) }, step, includeInactive: false });
    const schema = await this.withDictionaryOptions(manager, form.schema, form.attributes.filter((attribute) => !attribute.hidden && attribute.valueType === 'dictionary' && attribute.dictionaryCode));
    return { topic: { id: offer.topic.id, code: offer.topic.code, name: offer.topic.name }, step: form.step, schema };
  }

  /** The rules' context for a new request of this customer, as intake will build it. */
  private context(manager: EntityManager, actor: Principal, customer: Customer, topicCode: string) {
    return contextData(manager, { id: 0, number: '', type: 'incident', priority: 0, status: 'new', clientId: customer.clientId, contactId: null }, topicCode, actor, {});
  }

  private async withDictionaryOptions(manager: EntityManager, schema: JsonSchema, attributes: { code: string; dictionaryCode: string | null; multiple: boolean }[]): Promise<JsonSchema> {
    if (attributes.length === 0) return schema;
    const dictionaries = await manager.findBy(Dictionary, { code: In(attributes.map((attribute) => attribute.dictionaryCode!)), active: true });
    const items = dictionaries.length ? await manager.find(DictionaryItem, { where: { dictionaryId: In(dictionaries.map((dictionary) => dictionary.id)), active: true }, order: { position: 'ASC', id: 'ASC' } }) : [];
    const properties = { ...(schema.properties as Record<string, JsonSchema>) };
    for (const attribute of attributes) {
      const dictionary = dictionaries.find((candidate) => candidate.code === attribute.dictionaryCode);
      const options = items.filter((item) => item.dictionaryId === dictionary?.id).map((item) => ({ value: item.code, label: item.name }));
      const property = properties[attribute.code];
      if (!property) continue;
      const values = options.map((option) => option.value);
      properties[attribute.code] = attribute.multiple ? { ...property, items: { ...(property.items as JsonSchema), enum: values }, 'x-docket-options': options } : { ...property, enum: values, 'x-docket-options': options };
    }
    return { ...schema, properties };
  }
}
