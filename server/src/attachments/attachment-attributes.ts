import type { ErrorDetail } from '../common/docket-error';

export const MAX_ATTRIBUTES = 32;
export const MAX_ATTRIBUTE_VALUE = 1000;
const KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export type AttachmentAttributes = Record<string, string>;

/**
 * The free attributes sent with an upload (a JSON object of strings in the `attributes` form field):
 * parsed and checked, or the problems with their paths.
 */
export function parseAttachmentAttributes(raw: unknown): { attributes: AttachmentAttributes } | { issues: ErrorDetail[] } {
  if (raw === undefined || raw === '') return { attributes: {} };
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return { issues: [{ path: 'attributes', message: 'must be a JSON object' }] };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { issues: [{ path: 'attributes', message: 'must be a JSON object of strings' }] };
  const entries = Object.entries(value);
  const issues: ErrorDetail[] = [];
  if (entries.length > MAX_ATTRIBUTES) issues.push({ path: 'attributes', message: `at most ${MAX_ATTRIBUTES} attributes` });
  for (const [key, item] of entries) {
    if (!KEY.test(key)) issues.push({ path: `attributes.${key}`, message: 'a name starts with a letter and has at most 64 letters, digits, _ . -' });
    else if (typeof item !== 'string') issues.push({ path: `attributes.${key}`, message: 'must be a string' });
    else if (item.length > MAX_ATTRIBUTE_VALUE) issues.push({ path: `attributes.${key}`, message: `at most ${MAX_ATTRIBUTE_VALUE} characters` });
  }
  // A null prototype: keys such as __proto__ or constructor stay plain data.
  return issues.length ? { issues } : { attributes: Object.assign(Object.create(null) as AttachmentAttributes, value) };
}
