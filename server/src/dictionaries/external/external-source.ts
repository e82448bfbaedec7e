/** Where an external dictionary's values come from; stored as JSON on the dictionary. */
export interface HttpSource {
  kind: 'http';
  url: string;
  /** Dot path to the array of items in the JSON answer (`data.items`); empty when the answer is the array. */
  itemsPath: string;
  codeField: string;
  nameField: string;
  parentField: string | null;
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
}

export interface SqlSource {
  kind: 'sql';
  /** A connection named in DOCKET_EXTERNAL_SQL_CONNECTIONS: the allow-list, set by whoever runs the server. */
  connection: string;
  /** A fixed SELECT without parameters; its columns are read by the names below. */
  query: string;
  codeColumn: string;
  nameColumn: string;
  parentColumn: string | null;
  timeoutMs: number;
}

export type ExternalSource = HttpSource | SqlSource;

export interface ExternalItem {
  code: string;
  name: string;
  parentCode: string | null;
}

export const EXTERNAL_LIMITS = { maxItems: 10_000, maxBytes: 10 * 1024 * 1024, maxTimeoutMs: 30_000, maxCodeLength: 191, maxNameLength: 500 };

/** A source answered, but not with something Docket can use; the message is shown to the administrator. */
export class ExternalSourceError extends Error {}

/** Turns rows (parsed JSON objects or SQL rows) into items, refusing anything that would corrupt the cache. */
export function toItems(rows: unknown[], fields: { code: string; name: string; parent: string | null }): ExternalItem[] {
  if (rows.length > EXTERNAL_LIMITS.maxItems) throw new ExternalSourceError(`the source returned ${rows.length} items; at most ${EXTERNAL_LIMITS.maxItems} are read`);
  const seen = new Set<string>();
  return rows.map((row, index) => {
    if (typeof row !== 'object' || row === null) throw new ExternalSourceError(`item ${index} is not an object`);
    const record = row as Record<string, unknown>;
    const code = scalar(record[fields.code]);
    const name = scalar(record[fields.name]);
    if (code === null || code === '') throw new ExternalSourceError(`item ${index} has no "${fields.code}"`);
    if (code.length > EXTERNAL_LIMITS.maxCodeLength) throw new ExternalSourceError(`item ${index}: the code is longer than ${EXTERNAL_LIMITS.maxCodeLength} characters`);
    if (seen.has(code)) throw new ExternalSourceError(`the code "${code}" appears twice`);
    seen.add(code);
    const parentCode = fields.parent ? scalar(record[fields.parent]) : null;
    return { code, name: (name ?? code).slice(0, EXTERNAL_LIMITS.maxNameLength), parentCode: parentCode === '' ? null : parentCode };
  });
}

/** Follows a dot path (`data.items`, `result.0.values`) into parsed JSON. */
export function atPath(json: unknown, path: string): unknown {
  if (!path) return json;
  return path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), json);
}

function scalar(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return null;
}
