import type { EntityManager } from 'typeorm';
import { AttributeBinding } from '../entities/attribute-binding.entity';
import { AttributeDefinition } from '../entities/attribute-definition.entity';
import { AttributeGroup } from '../entities/attribute-group.entity';
import { TopicNode } from '../entities/topic-node.entity';
import type { AttributeDef, AttributeGroupDef, BindingDef, TopicConfiguration, TopicNodeDef } from '../resolution/definitions';

/**
 * The whole attribute configuration read at once: it is designed by administrators (hundreds of rows,
 * not millions), and every check of a change needs the tree and everything bound along it.
 */
export async function loadConfiguration(manager: EntityManager): Promise<TopicConfiguration> {
  const [nodes, attributes, groups, bindings] = await Promise.all([
    manager.find(TopicNode),
    manager.find(AttributeDefinition),
    manager.find(AttributeGroup),
    manager.find(AttributeBinding),
  ]);
  return { nodes: nodes.map(nodeDef), attributes: attributes.map(attributeDef), groups: groups.map(groupDef), bindings: bindings.map(bindingDef) };
}

export function nodeDef(node: TopicNode): TopicNodeDef {
  return { id: node.id, code: node.code, name: node.name, kind: node.kind, parentId: node.parentId, active: node.active, order: node.sortOrder };
}

export function attributeDef(attribute: AttributeDefinition): AttributeDef {
  const { sortOrder, ...rest } = attribute;
  return { ...rest, order: sortOrder };
}

export function groupDef(group: AttributeGroup): AttributeGroupDef {
  return { id: group.id, name: group.name, order: group.sortOrder, collapsed: group.collapsed };
}

export function bindingDef(binding: AttributeBinding): BindingDef {
  const { sortOrder, ...rest } = binding;
  return { ...rest, order: sortOrder };
}

/** The configuration with one entry replaced (or added), as it would be after a change. */
export function withReplaced<T extends { id: number }>(items: readonly T[], item: T): T[] {
  return items.some((candidate) => candidate.id === item.id) ? items.map((candidate) => (candidate.id === item.id ? item : candidate)) : [...items, item];
}
