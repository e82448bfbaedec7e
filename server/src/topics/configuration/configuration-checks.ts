import type { TopicConfiguration } from '../resolution/definitions';
import { descendantsOf, treeIssues } from '../resolution/tree';
import { attributeIssues, defaultIssues, type ConfigIssue } from './attribute-checks';
import { attributeRuleIssues, topicRuleIssues } from './rule-checks';

/** What a change touched: its attributes are checked alone, and every topic it can affect is checked whole. */
export interface ChangeScope {
  attributeIds?: number[];
  nodeIds?: number[];
}

/** Every problem a configuration would have after a change, with paths a client can show next to its fields. */
export function configurationIssues(configuration: TopicConfiguration, scope: ChangeScope): ConfigIssue[] {
  const issues = treeIssues(configuration.nodes);
  if (issues.length) return issues;
  for (const attributeId of scope.attributeIds ?? []) {
    const attribute = configuration.attributes.find((candidate) => candidate.id === attributeId);
    if (attribute) issues.push(...attributeIssues(attribute), ...attributeRuleIssues(configuration, attribute));
  }
  if (issues.length) return issues;
  issues.push(...bindingDefaultIssues(configuration, scope));
  for (const topicId of affectedTopics(configuration, scope)) issues.push(...topicRuleIssues(configuration, topicId));
  return issues;
}

/** Topics at or below the changed nodes, and topics that have a changed attribute anywhere on their path. */
export function affectedTopics(configuration: TopicConfiguration, scope: ChangeScope): number[] {
  const nodeIds = new Set(scope.nodeIds ?? []);
  for (const binding of configuration.bindings) if (scope.attributeIds?.includes(binding.attributeId)) nodeIds.add(binding.nodeId);
  const topics = new Set<number>();
  for (const nodeId of nodeIds) {
    const node = configuration.nodes.find((candidate) => candidate.id === nodeId);
    if (!node) continue;
    for (const candidate of [node, ...descendantsOf(configuration.nodes, nodeId)]) if (candidate.kind === 'topic') topics.add(candidate.id);
  }
  return [...topics].sort((a, b) => a - b);
}

/** Fixed defaults of the bindings a change touched must fit their attribute. */
function bindingDefaultIssues(configuration: TopicConfiguration, scope: ChangeScope): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const touched = (nodeId: number, attributeId: number) => scope.nodeIds?.includes(nodeId) || scope.attributeIds?.includes(attributeId);
  for (const binding of configuration.bindings.filter((candidate) => candidate.defaultValue !== null && touched(candidate.nodeId, candidate.attributeId))) {
    const attribute = configuration.attributes.find((candidate) => candidate.id === binding.attributeId);
    if (attribute) issues.push(...defaultIssues(attribute, binding.defaultValue!, 'defaultValue'));
  }
  return issues;
}
