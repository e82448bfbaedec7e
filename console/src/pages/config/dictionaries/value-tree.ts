/** Dictionary values as the tree a table shows: children under their parent, each level in its order. */
export interface ValueLike {
  code: string;
  parentCode: string | null;
  position: number;
}

export type TreeRow<T> = T & { children?: TreeRow<T>[] };

export function valueTree<T extends ValueLike>(values: readonly T[]): TreeRow<T>[] {
  const codes = new Set(values.map((value) => value.code));
  const byParent = new Map<string | null, T[]>();
  for (const value of values) {
    // A value whose parent is missing is shown at the top rather than lost.
    const parent = value.parentCode !== null && codes.has(value.parentCode) ? value.parentCode : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), value]);
  }
  const level = (parent: string | null, seen: Set<string>): TreeRow<T>[] =>
    [...(byParent.get(parent) ?? [])]
      .sort((a, b) => a.position - b.position || a.code.localeCompare(b.code))
      .filter((value) => !seen.has(value.code))
      .map((value) => {
        const children = level(value.code, new Set([...seen, value.code]));
        return children.length ? { ...value, children } : { ...value };
      });
  return level(null, new Set());
}

/** The code given and every code below it. */
export function below(values: readonly ValueLike[], code: string): Set<string> {
  const found = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const value of values) {
      if (value.parentCode !== null && found.has(value.parentCode) && !found.has(value.code)) {
        found.add(value.code);
        grew = true;
      }
    }
  }
  return found;
}
