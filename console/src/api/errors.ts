import type { FormInstance } from 'antd';
import type { I18n } from '../i18n/i18n';
import { ApiError } from './client';

/** A sentence for the user about what went wrong; never a raw error or a stack. */
export function describeError(error: unknown, { t, tOr }: I18n): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected', { status: '?' });
  if (error.status === 0) return t('errors.network');
  if (error.code === 'unexpected' || error.status >= 500) return t('errors.unexpected', { status: error.status });
  return tOr(`errors.${error.code}`, error.message);
}

/**
 * Puts each detail of an API error under the form field its path names, and returns the sentence to show
 * beside the action for whatever no field can show (null when every detail found its field).
 */
export function showErrorInForm(form: FormInstance, error: unknown, i18n: I18n): string | null {
  const details = error instanceof ApiError ? error.details : [];
  const fields = new Set(Object.keys(form.getFieldsValue() as object));
  const byField = new Map<string, string[]>();
  let unplaced = details.length === 0;
  for (const detail of details) {
    const field = detail.path.split('.')[0];
    if (!fields.has(field)) {
      unplaced = true;
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), detail.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unplaced ? describeError(error, i18n) : null;
}
