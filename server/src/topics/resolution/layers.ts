import type { AttributeDef, AttributeGroupDef, BindingDef, DefaultSetting, FlagName, FlagSetting, StepOverrides, TopicConfiguration, TopicNodeDef } from './definitions';
import type { ExplanationLayer } from './resolved';
import { pathToNode } from './tree';

/** An attribute as it reaches one topic: its definition and the bindings on the way down. */
export interface AttributeLayers {
  attribute: AttributeDef;
  group: AttributeGroupDef | null;
  /** The highest node that binds it: where it comes into the topic. */
  boundAt: TopicNodeDef;
  /** Bindings from the root down to the topic. */
  bindings: Array<{ node: TopicNodeDef; binding: BindingDef }>;
}

/**
 * Every attribute a topic has (its own and those of the groups above it), in form order: attribute
 * group, then the order of the binding that brought it in, then the attribute's own order.
 */
export function attributeLayersFor(configuration: TopicConfiguration, topicId: number, includeInactive: boolean): AttributeLayers[] {
  const path = pathToNode(configuration.nodes, topicId);
  const attributes = new Map(configuration.attributes.map((attribute) => [attribute.id, attribute]));
  const groups = new Map(configuration.groups.map((group) => [group.id, group]));
  const byAttribute = new Map<number, AttributeLayers>();
  for (const node of path) {
    const bindings = configuration.bindings.filter((binding) => binding.nodeId === node.id).sort((a, b) => a.order - b.order || a.id - b.id);
    for (const binding of bindings) {
      const attribute = attributes.get(binding.attributeId);
      if (!attribute || (!attribute.active && !includeInactive)) continue;
      const layers = byAttribute.get(attribute.id);
      if (layers) layers.bindings.push({ node, binding });
      else byAttribute.set(attribute.id, { attribute, group: attribute.attributeGroupId === null ? null : (groups.get(attribute.attributeGroupId) ?? null), boundAt: node, bindings: [{ node, binding }] });
    }
  }
  const depth = new Map(path.map((node, index) => [node.id, index]));
  return [...byAttribute.values()].sort(
    (a, b) =>
      (a.group?.order ?? -1) - (b.group?.order ?? -1) ||
      (a.group?.id ?? 0) - (b.group?.id ?? 0) ||
      depth.get(a.boundAt.id)! - depth.get(b.boundAt.id)! ||
      a.bindings[0].binding.order - b.bindings[0].binding.order ||
      a.attribute.order - b.attribute.order ||
      a.attribute.id - b.attribute.id,
  );
}

/** attribute → group bindings → topic binding → step: every layer that sets the flag, most general first. */
export function flagChain(layers: AttributeLayers, flag: FlagName, topicId: number, step: StepOverrides | null): ExplanationLayer<FlagSetting>[] {
  const chain: ExplanationLayer<FlagSetting>[] = [{ source: 'attribute', setting: layers.attribute[flag] }];
  for (const { node, binding } of layers.bindings) {
    const setting = binding[flag];
    if (setting !== null) chain.push({ source: node.id === topicId ? 'topic' : 'group', node: nodeRef(node), setting });
  }
  const stepSetting = step?.attributes[layers.attribute.code]?.[flag];
  if (stepSetting !== undefined) chain.push({ source: 'step', step: { id: step?.stepId, name: step?.stepName }, setting: stepSetting });
  return chain;
}

/** The same for the default; route steps do not change defaults. */
export function defaultChain(layers: AttributeLayers, topicId: number): ExplanationLayer<DefaultSetting | null>[] {
  const chain: ExplanationLayer<DefaultSetting | null>[] = [{ source: 'attribute', setting: layers.attribute.defaultValue }];
  for (const { node, binding } of layers.bindings) {
    if (binding.defaultValue !== null) chain.push({ source: node.id === topicId ? 'topic' : 'group', node: nodeRef(node), setting: binding.defaultValue });
  }
  return chain;
}

function nodeRef(node: TopicNodeDef): { id: number; code: string; name: string } {
  return { id: node.id, code: node.code, name: node.name };
}
