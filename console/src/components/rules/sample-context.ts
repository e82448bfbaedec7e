import type { ContextSchema, ContextType } from './engine';

const EMPTY: Record<ContextType, unknown> = { string: '', number: 0, boolean: false, date: null, datetime: null, array: [], object: {}, any: null };

/** A context with every field of the schema at an empty value of its type: a skeleton to fill in for tests. */
export function sampleContextFor(schema: ContextSchema): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, field] of Object.entries(schema)) {
    const parts = path.split('.');
    let target = root;
    for (const part of parts.slice(0, -1)) {
      const next = target[part];
      target = (typeof next === 'object' && next !== null && !Array.isArray(next) ? next : (target[part] = {})) as Record<string, unknown>;
    }
    target[parts[parts.length - 1]] = EMPTY[field.type];
  }
  return root;
}
