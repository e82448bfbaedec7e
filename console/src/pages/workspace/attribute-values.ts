import { maskPattern } from '../../../../server/src/topics/resolution/mask';

/** What a form field needs to know about an attribute, whether it comes from a topic's form or a request card. */
export interface FieldSpec {
  code: string;
  name: string;
  valueType: string;
  multiple: boolean;
  required: boolean;
  readOnly: boolean;
  description?: string | null;
  mask?: string | null;
  regex?: string | null;
  min?: number | string | null;
  max?: number | string | null;
  scale?: number | null;
  allowedValues?: unknown[] | null;
  group: { name: string; collapsed: boolean } | null;
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** A stored value as the field edits it: instants as the local time a datetime-local input shows. */
export function toFieldValue(spec: FieldSpec, value: unknown): unknown {
  if (spec.valueType === 'datetime' && typeof value === 'string' && value) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  }
  return value ?? undefined;
}

/** A field's value as the API takes it, or undefined when the field is empty. */
export function toApiValue(spec: FieldSpec, value: unknown): unknown {
  if (isEmpty(value)) return undefined;
  if (spec.valueType === 'datetime' && typeof value === 'string') return new Date(value).toISOString();
  return value;
}

/** Values for a new request: empty fields left out, so the server's defaults and required checks apply. */
export function valuesForCreate(specs: FieldSpec[], values: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(specs.flatMap((spec) => (spec.readOnly ? [] : [[spec.code, toApiValue(spec, values[spec.code])] as const])).filter(([, value]) => value !== undefined));
}

/** Values for an update: only what changed, an emptied field as null (clears it). */
export function changedValues(specs: FieldSpec[], before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const spec of specs) {
    if (spec.readOnly) continue;
    const next = toApiValue(spec, after[spec.code]) ?? null;
    const previous = isEmpty(before[spec.code]) ? null : before[spec.code];
    if (JSON.stringify(next) !== JSON.stringify(previous)) changes[spec.code] = next;
  }
  return changes;
}

/** The client-side check of a mask, the same pattern the server checks. */
export function fitsMask(mask: string, value: string): boolean {
  return new RegExp(maskPattern(mask), 'u').test(value);
}
