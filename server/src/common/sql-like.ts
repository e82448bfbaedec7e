/**
 * LIKE patterns that match user text literally on both databases. `!` is the escape character because a
 * backslash needs different quoting in MySQL and SQLite string literals.
 */
export const LIKE_ESCAPE = "ESCAPE '!'";

export function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (char) => `!${char}`);
}
