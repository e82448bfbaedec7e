/** JSONLogic value semantics shared by the interpreter and compiled code, so both agree by construction. */

/** JSONLogic truthiness: JavaScript's, except that an empty array is false. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return !!value;
}

/**
 * Property names that exist on built-in prototypes. A path segment with such a name is read only as
 * an own property, so `{"var":"constructor"}` or `{"var":"a.__proto__"}` never reach into prototypes;
 * every other segment is read directly (which is what makes compiled paths fast).
 */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(
  [Object, Array, String, Number, Boolean, Function, Date, RegExp, Map, Set, Promise, Error].flatMap((type) =>
    Object.getOwnPropertyNames(type.prototype),
  ),
);

export function isPrototypeName(segment: string): boolean {
  return PROTOTYPE_NAMES.has(segment);
}

/** Reads one segment of a path from a value that is neither null nor undefined. */
export function readSegment(value: unknown, segment: string): unknown {
  if (PROTOTYPE_NAMES.has(segment)) return Object.hasOwn(value as object, segment) ? (value as Record<string, unknown>)[segment] : undefined;
  return (value as Record<string, unknown>)[segment];
}

/** Own-property read used by compiled code for prototype names (see `readSegment`). */
export function readOwn(value: unknown, segment: string): unknown {
  return Object.hasOwn(value as object, segment) ? (value as Record<string, unknown>)[segment] : undefined;
}

/** `var` argument to path segments; null means the whole data. */
export function pathSegments(path: unknown): string[] | null {
  if (path === undefined || path === null || path === '') return null;
  return String(path).split('.');
}

/** json-logic-js `var`: a missing step gives `notFound`, a null found at the end stays null. */
export function readPath(data: unknown, segments: readonly string[] | null, notFound: unknown): unknown {
  if (segments === null) return data;
  let value = data;
  for (const segment of segments) {
    if (value === null || value === undefined) return notFound;
    value = readSegment(value, segment);
    if (value === undefined) return notFound;
  }
  return value;
}

export function readDynamicPath(data: unknown, path: unknown, notFound: unknown): unknown {
  return readPath(data, pathSegments(path), notFound === undefined ? null : notFound);
}

/** A dictionary item (`{code, name…}`) stands for its code; any other value for itself. */
export function dictionaryCode(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const code = (value as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number') return code;
  }
  return value;
}

/** `in`: substring of a text, item of a list, or code of a dictionary given as `{code: label}`. */
export function isIn(value: unknown, container: unknown): boolean {
  const needle = dictionaryCode(value);
  if (typeof container === 'string') return container.indexOf(needle as string) !== -1;
  if (Array.isArray(container)) return container.indexOf(needle) !== -1;
  if (container !== null && typeof container === 'object') {
    return (typeof needle === 'string' || typeof needle === 'number') && Object.hasOwn(container, String(needle));
  }
  return false;
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
