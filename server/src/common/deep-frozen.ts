/** Frozen all the way down, a Map's values too: for a value every request of a process shares. */
export function deepFrozen<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (value instanceof Map) for (const entry of value.values()) deepFrozen(entry);
  for (const key of Reflect.ownKeys(value)) deepFrozen((value as Record<PropertyKey, unknown>)[key]);
  return value;
}
