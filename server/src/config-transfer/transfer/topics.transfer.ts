import { In, type EntityManager } from 'typeorm';
import { Dictionary } from '../../dictionaries/entities/dictionary.entity';
import { DynamicQuery } from '../../dictionaries/entities/dynamic-query.entity';
import { ExternalDictionary } from '../../dictionaries/entities/external-dictionary.entity';
import { RequestValue } from '../../requests/entities/request-value.entity';
import type { ListColumnService } from '../../topics/list-column.service';
import { attributeIssues, defaultIssues } from '../../topics/configuration/attribute-checks';
import { loadConfiguration } from '../../topics/configuration/configuration.repository';
import { attributeRuleIssues, topicRuleIssues } from '../../topics/configuration/rule-checks';
import { AttributeBinding } from '../../topics/entities/attribute-binding.entity';
import { AttributeDefinition } from '../../topics/entities/attribute-definition.entity';
import { AttributeGroup } from '../../topics/entities/attribute-group.entity';
import { TopicNode } from '../../topics/entities/topic-node.entity';
import { isFixedDefault, VALUE_TYPES } from '../../topics/resolution/definitions';
import { treeIssues } from '../../topics/resolution/tree';
import type { AttributeDoc, ConfigDocument, TopicDoc } from '../config-document';
import { parentsFirst, type ImportSession } from '../import-session';

export async function exportTopics(manager: EntityManager): Promise<Pick<ConfigDocument, 'attributeGroups' | 'attributes' | 'topics'>> {
  const [groups, attributes, nodes, bindings] = await Promise.all([
    manager.find(AttributeGroup, { order: { sortOrder: 'ASC', name: 'ASC' } }),
    manager.find(AttributeDefinition, { order: { code: 'ASC' } }),
    manager.find(TopicNode, { order: { code: 'ASC' } }),
    manager.find(AttributeBinding, { order: { sortOrder: 'ASC', id: 'ASC' } }),
  ]);
  const groupName = new Map(groups.map((group) => [group.id, group.name]));
  const attributeCode = new Map(attributes.map((attribute) => [attribute.id, attribute.code]));
  const nodeCode = new Map(nodes.map((node) => [node.id, node.code]));
  return {
    attributeGroups: groups.map((group) => ({ name: group.name, order: group.sortOrder, collapsed: group.collapsed })),
    attributes: attributes.map(({ id: _id, sortOrder, attributeGroupId, ...fields }): AttributeDoc => ({ ...fields, order: sortOrder, group: attributeGroupId === null ? null : (groupName.get(attributeGroupId) ?? null) })),
    topics: nodes.map(
      (node): TopicDoc => ({
        code: node.code, name: node.name, description: node.description, kind: node.kind, parentCode: node.parentId === null ? null : (nodeCode.get(node.parentId) ?? null), active: node.active, order: node.sortOrder,
        bindings: bindings
          .filter((binding) => binding.nodeId === node.id)
          .map((binding) => ({ attributeCode: attributeCode.get(binding.attributeId)!, required: binding.required, hidden: binding.hidden, readOnly: binding.readOnly, defaultValue: binding.defaultValue, order: binding.sortOrder })),
      }),
    ),
  };
}

/** Groups, attributes, the topic tree and its bindings; then the whole configuration is checked as the topics API checks a change. */
export async function importTopics(session: ImportSession, document: ConfigDocument, listColumns: ListColumnService): Promise<void> {
  const manager = session.manager;
  const groupIds = new Map<string, number>();
  for (const doc of document.attributeGroups) {
    const { row } = await session.upsert('attributeGroups', doc.name, AttributeGroup, { name: doc.name }, { sortOrder: doc.order, collapsed: doc.collapsed });
    groupIds.set(doc.name, row.id);
  }
  for (const group of await manager.find(AttributeGroup)) if (!groupIds.has(group.name)) groupIds.set(group.name, group.id);
  const [dictionaries, external, queries] = await Promise.all([manager.find(Dictionary), manager.find(ExternalDictionary), manager.find(DynamicQuery)]);
  const dictionaryCodes = new Set([...dictionaries, ...external].map((dictionary) => dictionary.code));
  const queryCodes = new Set(queries.map((query) => query.code));

  for (const [index, doc] of document.attributes.entries()) {
    const path = `attributes.${index}`;
    const { code, order, group, ...fields } = doc;
    if (!(VALUE_TYPES as readonly string[]).includes(doc.valueType)) session.refuse(`${path}.valueType`, `must be one of ${VALUE_TYPES.join(', ')}`);
    if (doc.dictionaryCode !== null && !dictionaryCodes.has(doc.dictionaryCode)) session.refuse(`${path}.dictionaryCode`, `unknown dictionary "${doc.dictionaryCode}"`);
    if (doc.queryCode !== null && !queryCodes.has(doc.queryCode)) session.refuse(`${path}.queryCode`, `unknown dynamic query "${doc.queryCode}"`);
    const attributeGroupId = group === null ? null : groupIds.get(group);
    if (attributeGroupId === undefined) session.refuse(`${path}.group`, `unknown attribute group "${group}"`);
    const before = await manager.findOneBy(AttributeDefinition, { code });
    if (before && (before.valueType !== doc.valueType || before.multiple !== doc.multiple) && (await manager.existsBy(RequestValue, { attributeId: before.id }))) {
      session.refuse(`${path}.valueType`, `requests hold values of "${code}"; its value type and multiplicity cannot change`);
    }
    const { row } = await session.upsert('attributes', code, AttributeDefinition, { code }, { ...fields, sortOrder: order, attributeGroupId: attributeGroupId ?? null });
    if (row.listColumn !== (before?.listColumn ?? false)) session.afterCommit.push(() => listColumns.onListColumnChanged(row.id, row.listColumn));
  }

  const nodeIds = new Map((await manager.find(TopicNode)).map((node) => [node.code, node.id]));
  const attributeIds = new Map((await manager.find(AttributeDefinition)).map((attribute) => [attribute.code, attribute.id]));
  for (const { item: doc, index } of parentsFirst(document.topics, (topic) => topic.code, (topic) => topic.parentCode)) {
    const path = `topics.${index}`;
    const parentId = doc.parentCode === null ? null : nodeIds.get(doc.parentCode);
    if (parentId === undefined) {
      session.refuse(`${path}.parentCode`, `unknown topic group "${doc.parentCode}"`);
      continue;
    }
    const { row } = await session.upsert('topics', doc.code, TopicNode, { code: doc.code }, { name: doc.name, description: doc.description, kind: doc.kind, parentId, active: doc.active, sortOrder: doc.order });
    nodeIds.set(doc.code, row.id);
    for (const [bindingIndex, binding] of doc.bindings.entries()) {
      const attributeId = attributeIds.get(binding.attributeCode);
      if (attributeId === undefined) {
        session.refuse(`${path}.bindings.${bindingIndex}.attributeCode`, `unknown attribute "${binding.attributeCode}"`);
        continue;
      }
      const { attributeCode, order, ...flags } = binding;
      await session.upsert('bindings', `${doc.code}/${attributeCode}`, AttributeBinding, { nodeId: row.id, attributeId }, { ...flags, sortOrder: order });
    }
  }
  await checkConfiguration(session, document);
}

/** The checks of the topics API (tree, each attribute, binding defaults, every rule per topic), at the document's paths. */
async function checkConfiguration(session: ImportSession, document: ConfigDocument): Promise<void> {
  const configuration = await loadConfiguration(session.manager);
  const tree = treeIssues(configuration.nodes);
  if (tree.length) return session.refuseAll('topics', tree);
  for (const [index, doc] of document.attributes.entries()) {
    const attribute = configuration.attributes.find((candidate) => candidate.code === doc.code);
    if (attribute && (VALUE_TYPES as readonly string[]).includes(attribute.valueType)) session.refuseAll(`attributes.${index}`, [...attributeIssues(attribute), ...attributeRuleIssues(configuration, attribute)]);
  }
  const importedTopics = new Set(document.topics.map((topic) => topic.code));
  const nodes = configuration.nodes.filter((node) => importedTopics.has(node.code));
  for (const node of nodes) {
    const index = document.topics.findIndex((topic) => topic.code === node.code);
    for (const [bindingIndex, doc] of document.topics[index].bindings.entries()) {
      const attribute = configuration.attributes.find((candidate) => candidate.code === doc.attributeCode);
      if (attribute && doc.defaultValue !== null && isFixedDefault(doc.defaultValue)) session.refuseAll(`topics.${index}.bindings.${bindingIndex}`, defaultIssues(attribute, doc.defaultValue, 'defaultValue'));
    }
    if (node.kind === 'topic') session.refuseAll(`topics.${index}`, topicRuleIssues(configuration, node.id));
  }
}

/** Codes → ids of topics (for routes and contact templates, which refer to topics by id). */
export async function topicIdsByCode(manager: EntityManager, codes: readonly string[]): Promise<Map<string, number>> {
  const nodes = codes.length ? await manager.findBy(TopicNode, { code: In([...codes]) }) : [];
  return new Map(nodes.map((node) => [node.code, node.id]));
}
