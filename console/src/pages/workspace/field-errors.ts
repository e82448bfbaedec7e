import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import type { I18n } from '../../i18n/i18n';

/** A dotted API path as an antd name path: numeric segments index lists (`requests.0.subject`). */
export function namePathOf(path: string): (string | number)[] {
  return path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/**
 * Puts each detail of an API error under the field whose dotted path is the longest prefix of the detail's
 * path (a nested form: `requests.0.attributes.CITY`), clears the others, and returns the sentence for what no
 * field can show (null when every detail found its field).
 */
export function placeErrors(form: FormInstance, error: unknown, i18n: I18n, fields: string[]): string | null {
  const details = error instanceof ApiError ? error.details : [];
  const byField = new Map<string, string[]>(fields.map((field) => [field, []]));
  let unplaced = details.length === 0;
  for (const detail of details) {
    const owner = fields.filter((field) => detail.path === field || detail.path.startsWith(`${field}.`)).sort((a, b) => b.length - a.length)[0];
    if (owner === undefined) unplaced = true;
    else byField.get(owner)!.push(detail.message);
  }
  form.setFields([...byField].map(([field, errors]) => ({ name: namePathOf(field), errors })));
  return unplaced ? describeError(error, i18n) : null;
}

/** True for the answer to a write that started from an old version of the request. */
export const isStale = (error: unknown) => error instanceof ApiError && error.status === 409 && error.code === 'stale_version';
