/**
 * The fields a client actually sent. Validated DTOs carry absent optional fields as `undefined`, which
 * would overwrite defaults on create and show up as "changed to null" in the audit journal on update.
 */
export function definedFields<T extends object>(body: T): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as Partial<T>;
}
