/** Longest stored file name, in characters. */
export const MAX_FILE_NAME = 200;

/**
 * A file name safe to store and to send back: no directories (either slash), no control or reserved
 * characters, no leading dots (hidden files, `..`), at most MAX_FILE_NAME characters with the extension kept.
 */
export function safeFileName(raw: string | undefined): string {
  const base = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (!cleaned) return 'file';
  const chars = [...cleaned];
  if (chars.length <= MAX_FILE_NAME) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
  return chars.slice(0, MAX_FILE_NAME - [...extension].length).join('').trimEnd() + extension;
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback name and the exact name in RFC 5987 form;
 * always `attachment`, so a browser never renders an upload (HTML, SVG) in Docket's origin.
 */
export function contentDisposition(fileName: string): string {
  const fallback = safeFileName(fileName).replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(safeFileName(fileName)).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
