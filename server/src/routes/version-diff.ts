import type { RouteDefinition } from '../../../workflows/index';

export interface ChangedElement {
  id: string;
  name: string;
  /** The fields whose value differs (`kind`, `queues`, `condition`, ...). */
  fields: string[];
}

export interface ElementChanges {
  added: Array<{ id: string; name: string }>;
  removed: Array<{ id: string; name: string }>;
  changed: ChangedElement[];
}

export interface VersionDiff {
  from: number;
  to: number;
  /** Route-level fields that differ (`name`, `handlers`, `regulation`, `topics`). */
  route: string[];
  steps: ElementChanges;
  transitions: ElementChanges;
}

/** Where elements are drawn is not what a version does; the diff leaves the diagram out. */
const ROUTE_FIELDS = ['name', 'topics', 'regulation', 'handlers'] as const;

const same = (left: unknown, right: unknown) => JSON.stringify(canonical(left)) === JSON.stringify(canonical(right));

/** Objects with sorted keys, so that two equal definitions compare equal whatever order their keys came in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([key, inner]) => [key, canonical(inner)]));
}

function differingFields(before: object, after: object): string[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields.filter((field) => !same((before as Record<string, unknown>)[field], (after as Record<string, unknown>)[field]));
}

function elementChanges<T extends { id: string; name: string }>(before: readonly T[], after: readonly T[]): ElementChanges {
  const old = new Map(before.map((element) => [element.id, element]));
  const next = new Map(after.map((element) => [element.id, element]));
  const label = ({ id, name }: T) => ({ id, name });
  return {
    added: after.filter((element) => !old.has(element.id)).map(label),
    removed: before.filter((element) => !next.has(element.id)).map(label),
    changed: after
      .filter((element) => old.has(element.id))
      .map((element) => ({ ...label(element), fields: differingFields(old.get(element.id) as T, element) }))
      .filter((change) => change.fields.length > 0),
  };
}

/** What changed from one version of a route to another: steps and transitions added, removed and changed. */
export function diffVersions(before: RouteDefinition, after: RouteDefinition): VersionDiff {
  return {
    from: before.version,
    to: after.version,
    route: ROUTE_FIELDS.filter((field) => !same(before[field], after[field])),
    steps: elementChanges(before.steps, after.steps),
    transitions: elementChanges(before.transitions, after.transitions),
  };
}

export interface DefinitionChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** Beyond this the journal line would not fit its column; the change is then named by element ids only. */
const MAX_AUDITED_CHARS = 48_000;

/**
 * Old → new for the audit journal: each route field, step and transition that differs, with its whole
 * value on both sides (`null` where it did not exist). The diagram is left out.
 */
export function definitionChanges(before: RouteDefinition | null, after: RouteDefinition): DefinitionChange[] {
  const empty: RouteDefinition = { code: after.code, name: '', version: 0, steps: [], transitions: [] };
  const old = before ?? empty;
  const diff = diffVersions(old, after);
  const element = <T extends { id: string }>(list: readonly T[], id: string) => list.find((candidate) => candidate.id === id) ?? null;
  const elementChange = (kind: 'step' | 'transition', oldList: readonly { id: string }[], newList: readonly { id: string }[], changes: ElementChanges) =>
    [...changes.removed, ...changes.changed, ...changes.added].map(({ id }) => ({ field: `${kind} ${id}`, old: element(oldList, id), new: element(newList, id) }));
  const changes: DefinitionChange[] = [
    ...diff.route.map((field) => ({ field, old: old[field as keyof RouteDefinition] ?? null, new: after[field as keyof RouteDefinition] ?? null })),
    ...elementChange('step', old.steps, after.steps, diff.steps),
    ...elementChange('transition', old.transitions, after.transitions, diff.transitions),
  ];
  if (JSON.stringify(changes).length <= MAX_AUDITED_CHARS) return changes;
  const ids = (changes: ElementChanges) => ({ added: changes.added.map((e) => e.id), removed: changes.removed.map((e) => e.id), changed: changes.changed.map((e) => e.id) });
  return [{ field: 'definition', old: before ? `version ${before.version}` : null, new: { route: diff.route, steps: ids(diff.steps), transitions: ids(diff.transitions) } }];
}
