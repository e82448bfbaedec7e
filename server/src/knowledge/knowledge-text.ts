/**
 * What knowledge search matches: lower-cased text, so that LIKE answers alike on SQLite (case-sensitive beyond
 * ASCII) and MariaDB (case-insensitive collations). No Nest or TypeORM here: unit-tested beside this file.
 */
export const MAX_SEARCH_TERMS = 8;

/** The stored search text of an article: title, body without markup, and tags. */
export function searchTextOf(title: string, plainBody: string, tags: readonly string[]): string {
  return [title, plainBody, ...tags].join(' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The words of a query, each of which an article must contain; duplicates and blanks dropped, at most MAX_SEARCH_TERMS. */
export function searchTerms(query: string | undefined): string[] {
  if (!query) return [];
  const words = query.toLowerCase().split(/\s+/).filter((word) => word.length > 0);
  return [...new Set(words)].slice(0, MAX_SEARCH_TERMS);
}

/** Tags as stored: trimmed, without empties or repeats (case-insensitively), in the order given. */
export function normalTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags.map((value) => value.trim()).filter(Boolean)) {
    if (seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    result.push(tag);
  }
  return result;
}

/**
 * How well an article the search found answers its terms (each is somewhere in the article): a term in the
 * title weighs most, as a whole word of it more than inside one, then a term inside a tag. Zero when the
 * terms are only in the body.
 */
export function relevance(terms: readonly string[], title: string, tags: readonly string[]): number {
  const lowerTitle = title.toLowerCase();
  const titleWords = new Set(lowerTitle.split(/[^\p{L}\p{N}]+/u));
  const lowerTags = tags.map((tag) => tag.toLowerCase());
  return terms.reduce((score, term) => score + (titleWords.has(term) ? 4 : lowerTitle.includes(term) ? 3 : 0) + (lowerTags.some((tag) => tag.includes(term)) ? 2 : 0), 0);
}
