/**
 * Longest text of one search row, in characters: four bytes each in utf8mb4 still fits MariaDB's TEXT
 * (65,535 bytes). A longer document (an attachment's megabyte of text) is stored as several rows.
 */
export const CHUNK_CHARS = 16_000;

/** The text cut into rows at whitespace, so no word is split between two rows; none for empty text. */
export function textChunks(text: string, size = CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > size) {
    let cut = Math.max(rest.lastIndexOf(' ', size), rest.lastIndexOf('\n', size));
    if (cut < size / 2) cut = size;
    // Never cut between the two halves of a surrogate pair.
    if (cut === size && /[\uD800-\uDBFF]/.test(rest[cut - 1])) cut -= 1;
    chunks.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) chunks.push(rest);
  return chunks;
}
