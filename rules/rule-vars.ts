import type { Node, OperatorNode } from './operators/operator';

/** Each context path the tree reads statically, with whether it is read inside an iteration body. */
export function collectReads(root: Node, visit: (path: string, node: OperatorNode, scoped: boolean) => void): void {
  const walk = (node: Node, scoped: boolean) => {
    if (node.kind === 'array') node.items.forEach((item) => walk(item, scoped));
    if (node.kind !== 'operator') return;
    for (const path of node.definition.reads?.(node) ?? []) visit(path, node, scoped);
    node.args.forEach((arg, index) => walk(arg, scoped || (node.definition.scopedArgs?.includes(index) ?? false)));
  };
  walk(root, false);
}

/** Context paths a rule reads (outside iteration bodies, whose data is the item), in order of appearance. */
export function readsOf(root: Node): string[] {
  const paths = new Set<string>();
  collectReads(root, (path, _node, scoped) => {
    if (!scoped) paths.add(path);
  });
  return [...paths];
}
