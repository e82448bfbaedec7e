import type { Locale } from '../i18n/i18n';

/** A date and time as people of the locale write it; empty values as a dash. */
export function formatInstant(value: string | null | undefined, locale: Locale): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(value));
}
