import type { Locale } from '../../i18n/i18n';

/** An attribute value in a list cell or the history, as people of the locale write it. */
export function showValue(value: unknown, valueType: string, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map((item) => showValue(item, valueType, locale)).join(', ');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (valueType === 'date' && typeof value === 'string') return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(value.slice(0, 10)));
  if (valueType === 'datetime' && (typeof value === 'string' || value instanceof Date)) return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(value));
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
