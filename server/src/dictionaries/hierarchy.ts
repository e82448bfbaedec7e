/**
 * Pure code for hierarchical value lists (dictionary items, contact places): trees, ancestry and the
 * `{ itemCode: parentCode | null }` shape the rule engine's hierarchical `in` reads.
 */
export interface HierarchyNode {
  id: number;
  code: string;
  parentId: number | null;
  position: number;
}

export type TreeNode<T extends HierarchyNode> = T & { children: TreeNode<T>[] };

/** `{ itemCode: parentCode | null }` for one list. */
export type ParentMap = Record<string, string | null>;

/** Nests rows under their parents, each level ordered by position then code; orphans become roots. */
export function buildTree<T extends HierarchyNode>(rows: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<number, TreeNode<T>>(rows.map((row) => [row.id, { ...row, children: [] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sortLevel = (level: TreeNode<T>[]) => {
    level.sort(byPosition);
    level.forEach((node) => sortLevel(node.children));
  };
  sortLevel(roots);
  return roots;
}

export function byPosition(a: Pick<HierarchyNode, 'position' | 'code'>, b: Pick<HierarchyNode, 'position' | 'code'>): number {
  return a.position - b.position || a.code.localeCompare(b.code);
}

export function parentMap(rows: readonly Pick<HierarchyNode, 'id' | 'code' | 'parentId'>[]): ParentMap {
  const codeById = new Map(rows.map((row) => [row.id, row.code]));
  const map: ParentMap = {};
  for (const row of rows) map[row.code] = row.parentId === null ? null : (codeById.get(row.parentId) ?? null);
  return map;
}

/** True when `code` is `ancestor` or lies below it; a cycle in bad data ends the walk instead of looping. */
export function isUnder(map: ParentMap, code: string, ancestor: string): boolean {
  if (!Object.hasOwn(map, code)) return false;
  const seen = new Set<string>();
  let current: string | null = code;
  while (current !== null && !seen.has(current)) {
    if (current === ancestor) return true;
    seen.add(current);
    current = map[current] ?? null;
  }
  return false;
}

/** Would placing `id` under `newParentId` make a node its own ancestor? `parentOf` answers for existing rows. */
export function wouldCycle(id: number, newParentId: number | null, parentOf: ReadonlyMap<number, number | null>): boolean {
  const seen = new Set<number>();
  let current = newParentId;
  while (current !== null) {
    if (current === id || seen.has(current)) return true;
    seen.add(current);
    current = parentOf.get(current) ?? null;
  }
  return false;
}
