import type { TopicConfiguration } from '../../topics/resolution/definitions';
import { attributeLayersFor, flagChain } from '../../topics/resolution/layers';

/**
 * The attribute codes an operator without `requests.read.all` may filter, sort and group requests by:
 * those that some topic shows. An attribute hidden (fixed) in every topic that has it, or bound to no
 * topic, is never on an operator's card, so a list must not reveal its values either. A hidden flag
 * driven by a rule may be off for some requests, so it counts as shown. Route steps may hide more; the
 * list does not know the step, and the card still hides per step. Pure.
 */
export function visibleAttributeCodes(configuration: TopicConfiguration): Set<string> {
  const visible = new Set<string>();
  for (const node of configuration.nodes) {
    if (node.kind !== 'topic') continue;
    for (const layers of attributeLayersFor(configuration, node.id, true)) {
      const chain = flagChain(layers, 'hidden', node.id, null);
      if (chain[chain.length - 1].setting !== true) visible.add(layers.attribute.code);
    }
  }
  return visible;
}

/** List fields (`attr.<code>`) naming an attribute outside `visible`, with where they were given. */
export function hiddenFieldPaths(fields: { path: string; field: string }[], visible: ReadonlySet<string>): { path: string; message: string }[] {
  return fields
    .filter(({ field }) => field.startsWith('attr.') && !visible.has(field.slice('attr.'.length)))
    .map(({ path, field }) => ({ path, message: `"${field}" is not shown to you in any topic` }));
}
