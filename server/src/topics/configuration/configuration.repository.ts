import type { EntityManager, ObjectLiteral } from 'typeorm';
import { cachedConfiguration } from '../../database/configuration-cache';
import { entityColumns } from '../../database/entity-rows';
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
  // The four tables in one statement, each in columns of its own (NULL in the other tables' rows): every request
  // card and form reads the configuration, and one round trip costs less than four.
  const tables = [TopicNode, AttributeDefinition, AttributeGroup, AttributeBinding].map((entity, index) => ({ entity, prefix: `t${index}_`, columns: entityColumns<ObjectLiteral>(manager, entity) }));
  const { driver } = manager.connection;
  const rows: Record<string, unknown>[] = await manager.query(
    tables
      .map(({ entity, prefix }, index) => `SELECT ${index} AS ${driver.escape('part')}, ${tables.map((table) => (table.prefix === prefix ? table.columns.select('t', prefix) : table.columns.nulls(table.prefix))).join(', ')} FROM ${driver.escape(manager.connection.getMetadata(entity).tableName)} t`)
      .join(' UNION ALL '),
  );
  const part = <Row extends ObjectLiteral>(index: number) => rows.filter((row) => Number(row.part) === index).map((row) => tables[index].columns.hydrate(row, tables[index].prefix) as Row);
  return { nodes: part<TopicNode>(0).map(nodeDef), attributes: part<AttributeDefinition>(1).map(attributeDef), groups: part<AttributeGroup>(2).map(groupDef), bindings: part<AttributeBinding>(3).map(bindingDef) };
}

/** The configuration as requests, cards and forms read it: from this process's copy while it is current. */
export function currentConfiguration(manager: EntityManager): Promise<TopicConfiguration> {
  return cachedConfiguration(manager, 'topics', () => loadConfiguration(manager));
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
