/** How directory text is compared in search: phones by their digits, e-mails and names lower-cased. */
export function phoneDigits(value: string): string {
  return value.replace(/\D/g, '');
}

export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

/** JavaScript's lower-casing, because SQLite's LOWER folds ASCII only and names are often Cyrillic. */
export function searchText(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('ru-RU');
}

/** What a free-text search should compare against phones: its digits when it has enough to mean a number. */
export function phoneQuery(q: string): string | null {
  const digits = phoneDigits(q);
  return digits.length >= 3 && digits.length >= q.replace(/[\s()+-]/g, '').length ? digits : null;
}
