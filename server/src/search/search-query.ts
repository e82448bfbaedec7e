/**
 * User input for full-text search becomes a list of plain words, and only those words reach the
 * database's query syntax, each wrapped so no operator survives: `"a" OR *`, `-x`, `'; drop table`
 * are searched as the words a, or, x, drop, table. The words are then bound as one parameter.
 */
export const MAX_TERMS = 8;
/** InnoDB's innodb_ft_max_token_size default: longer words are never in its index. */
export const MAX_TERM_LENGTH = 84;

/** The words of a query: letters and digits only, lower-cased, without repeats, at most MAX_TERMS. */
export function searchTerms(query: string): string[] {
  const words = query.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((word) => word.slice(0, MAX_TERM_LENGTH)))].slice(0, MAX_TERMS);
}

/** InnoDB's built-in stop words (information_schema.INNODB_FT_DEFAULT_STOPWORD): never in its index. */
const INNODB_STOPWORDS = new Set(['a', 'about', 'an', 'are', 'as', 'at', 'be', 'by', 'com', 'de', 'en', 'for', 'from', 'how', 'i', 'in', 'is', 'it', 'la', 'of', 'on', 'or', 'that', 'the', 'this', 'to', 'was', 'what', 'when', 'where', 'who', 'will', 'with', 'und', 'www']);
/** innodb_ft_min_token_size default. */
const INNODB_MIN_TOKEN = 3;

/** The words InnoDB can find: a required word it never indexes (too short, a stop word) would match nothing. */
export function mariadbTerms(terms: string[]): string[] {
  return terms.filter((term) => [...term].length >= INNODB_MIN_TOKEN && !INNODB_STOPWORDS.has(term));
}

/** MariaDB/MySQL boolean mode: every word required, as a prefix (`+word*`); null when no word is searchable. */
export function mariadbBooleanQuery(terms: string[]): string | null {
  const usable = mariadbTerms(terms);
  return usable.length ? usable.map((term) => `+${term}*`).join(' ') : null;
}

/** SQLite FTS5: every word a quoted string (so AND, OR, NOT, NEAR, `*`, `:` and `^` are words) and a prefix. */
export function fts5Query(terms: string[]): string | null {
  return terms.length ? terms.map((term) => `"${term.replace(/"/g, '""')}"*`).join(' ') : null;
}

/** Where the first of the words occurs in `text`, or -1; case-insensitive, prefixes count (as in the query). */
export function firstMatch(text: string, terms: string[]): { index: number; length: number } | null {
  const lower = text.toLowerCase();
  // Lower-casing can change lengths (İ); then positions in `lower` are not positions in `text`.
  if (lower.length !== text.length) return null;
  let best: { index: number; length: number } | null = null;
  for (const term of terms) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}`, 'u');
    const match = pattern.exec(lower);
    if (match && (!best || match.index < best.index)) best = { index: match.index, length: term.length };
  }
  return best;
}

/** A window of about `width` characters around the first match (or the start), with … where it was cut. */
export function snippetOf(text: string, terms: string[], width = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const match = firstMatch(flat, terms);
  const start = match ? Math.max(0, match.index - Math.floor((width - match.length) / 2)) : 0;
  let from = start;
  if (from > 0) {
    const space = flat.indexOf(' ', from);
    if (space >= 0 && space < (match?.index ?? from + 20)) from = space + 1;
  }
  let to = Math.min(flat.length, from + width);
  if (to < flat.length) {
    const space = flat.lastIndexOf(' ', to);
    if (space > (match ? match.index + match.length : from)) to = space;
  }
  return `${from > 0 ? '…' : ''}${flat.slice(from, to)}${to < flat.length ? '…' : ''}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
