import type { TopicNodeDef } from './definitions';

export interface TreeIssue {
  path: string;
  message: string;
}

/** The nodes from the root down to `nodeId`; throws on a cycle so a broken tree never resolves silently. */
export function pathToNode(nodes: readonly TopicNodeDef[], nodeId: number): TopicNodeDef[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const path: TopicNodeDef[] = [];
  const seen = new Set<number>();
  let current = byId.get(nodeId);
  while (current) {
    if (seen.has(current.id)) throw new Error(`the topic tree has a cycle through "${current.code}"`);
    seen.add(current.id);
    path.unshift(current);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return path;
}

/** Every node below `nodeId` (not itself). */
export function descendantsOf(nodes: readonly TopicNodeDef[], nodeId: number): TopicNodeDef[] {
  const below: TopicNodeDef[] = [];
  const queue = [nodeId];
  const seen = new Set(queue);
  while (queue.length) {
    const parentId = queue.shift()!;
    for (const child of nodes.filter((node) => node.parentId === parentId && !seen.has(node.id))) {
      seen.add(child.id);
      below.push(child);
      queue.push(child.id);
    }
  }
  return below;
}

/** Where the tree is broken: a parent that does not exist, a topic used as a parent, a cycle. */
export function treeIssues(nodes: readonly TopicNodeDef[]): TreeIssue[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const issues: TreeIssue[] = [];
  for (const node of nodes) {
    if (node.parentId === null) continue;
    const parent = byId.get(node.parentId);
    if (!parent) issues.push({ path: 'parentId', message: `"${node.code}" is placed under node ${node.parentId}, which does not exist` });
    else if (parent.kind !== 'group') issues.push({ path: 'parentId', message: `"${node.code}" is placed under topic "${parent.code}"; only a topic group can hold other nodes` });
  }
  const reported = new Set<number>();
  for (const node of nodes) {
    const cycle = cycleFrom(byId, node);
    if (cycle && !cycle.some((id) => reported.has(id))) {
      cycle.forEach((id) => reported.add(id));
      const codes = cycle.map((id) => byId.get(id)!.code);
      issues.push({ path: 'parentId', message: `the topic tree would have a cycle: ${[...codes, codes[0]].join(' → ')}` });
    }
  }
  return issues;
}

function cycleFrom(byId: ReadonlyMap<number, TopicNodeDef>, start: TopicNodeDef): number[] | null {
  const order: number[] = [];
  let current: TopicNodeDef | undefined = start;
  while (current) {
    const at = order.indexOf(current.id);
    if (at >= 0) return order.slice(at);
    order.push(current.id);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return null;
}
