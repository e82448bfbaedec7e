/**
 * What the bytes of an upload are, from their first few kilobytes: a magic-number table for the formats
 * Docket extracts text from or commonly receives, and text detection for the rest. `file-type` would do
 * this, but its current builds need Node 22; the table keeps the decision readable and testable.
 */
export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
export const ZIP = 'application/zip';
export const OLE = 'application/x-ole-storage';
export const TEXT = 'text/plain';
export const HTML = 'text/html';
export const UNKNOWN = 'application/octet-stream';

/** How much of the start of a file the sniffer reads. */
export const SNIFF_BYTES = 64 * 1024;

const SIGNATURES: { type: string; bytes: (number | null)[]; offset?: number }[] = [
  { type: PDF, bytes: ascii('%PDF-') },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: ascii('GIF87a') },
  { type: 'image/gif', bytes: ascii('GIF89a') },
  { type: 'image/webp', bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')] },
  { type: 'image/tiff', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'image/tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { type: 'application/gzip', bytes: [0x1f, 0x8b] },
  { type: 'application/x-7z-compressed', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { type: 'application/vnd.rar', bytes: ascii('Rar!\x1a\x07') },
  { type: OLE, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { type: 'application/x-msdownload', bytes: ascii('MZ') },
  { type: 'application/x-executable', bytes: [0x7f, ...ascii('ELF')] },
  { type: ZIP, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: ZIP, bytes: [0x50, 0x4b, 0x05, 0x06] },
];

/** The sniffed media type of a file from its head (at most SNIFF_BYTES; `complete` when it is the whole file). */
export function sniffContentType(head: Uint8Array, complete: boolean): string {
  const signature = SIGNATURES.find(({ bytes, offset = 0 }) => head.length >= offset + bytes.length && bytes.every((byte, index) => byte === null || head[offset + index] === byte));
  if (signature) return signature.type === ZIP ? zipKind(head) : signature.type;
  const text = decodeText(head, complete);
  if (text === null) return UNKNOWN;
  return looksLikeHtml(text) ? HTML : TEXT;
}

/** An Office Open XML document is a zip whose entries live under word/, xl/ or ppt/; the local headers name them. */
function zipKind(head: Uint8Array): string {
  const buffer = Buffer.from(head.buffer, head.byteOffset, head.length);
  for (let at = buffer.indexOf('PK\x03\x04', 0, 'latin1'); at >= 0 && at + 30 <= buffer.length; at = buffer.indexOf('PK\x03\x04', at + 4, 'latin1')) {
    const name = buffer.toString('utf8', at + 30, Math.min(buffer.length, at + 30 + buffer.readUInt16LE(at + 26)));
    if (name.startsWith('word/')) return DOCX;
    if (name.startsWith('xl/')) return XLSX;
    if (name.startsWith('ppt/')) return PPTX;
  }
  return ZIP;
}

/** The head as text when it is UTF-8 (or UTF-16 with a byte order mark) without control characters; else null. */
export function decodeText(head: Uint8Array, complete: boolean): string | null {
  if (head.length === 0) return '';
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(head.subarray(2));
  }
  // A multi-byte character may be cut at the end of the head: allow up to three of its bytes to be missing.
  const cuts = complete ? [0] : [0, 1, 2, 3];
  const bytes = cuts.map((cut) => head.subarray(0, head.length - cut)).find(validUtf8);
  if (!bytes) return null;
  const text = new TextDecoder('utf-8').decode(bytes);
  // Tab, line feed, form feed and carriage return are text; other C0 controls and DEL mean binary.
  return [...text].some(isBinaryControl) ? null : text.replace(/^\uFEFF/, '');
}

function isBinaryControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].includes(code)) || code === 0x7f;
}

function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function looksLikeHtml(text: string): boolean {
  const start = text.slice(0, 2048).replace(/^\s+/, '').replace(/^<\?xml[^>]*>\s*/i, '').replace(/^(<!--[\s\S]*?-->\s*)+/, '').toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html') || /<(head|body)[\s>]/.test(start);
}

function ascii(text: string): number[] {
  return [...text].map((char) => char.charCodeAt(0));
}

/** Media types a sender may declare for content sniffed as the key (aliases and containers). */
const COMPATIBLE: Record<string, string[]> = {
  [ZIP]: ['application/x-zip-compressed', 'application/x-zip', DOCX, XLSX, PPTX, 'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet', 'application/java-archive'],
  [DOCX]: [ZIP, 'application/x-zip-compressed'],
  [XLSX]: [ZIP, 'application/x-zip-compressed'],
  [PPTX]: [ZIP, 'application/x-zip-compressed'],
  [OLE]: ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint', 'application/vnd.ms-outlook', 'application/x-msi'],
  'image/jpeg': ['image/jpg', 'image/pjpeg'],
  'application/gzip': ['application/x-gzip', 'application/x-tar+gzip'],
  'application/x-msdownload': ['application/x-msdos-program', 'application/vnd.microsoft.portable-executable', 'application/x-dosexec'],
  [PDF]: ['application/x-pdf'],
};

/** Types that are text but are not declared as text/*. */
const TEXT_LIKE = ['application/json', 'application/xml', 'application/csv', 'application/javascript', 'application/x-yaml', 'application/yaml', 'application/sql', 'image/svg+xml', 'message/rfc822'];

const SIGNED_TYPES = new Set([...SIGNATURES.map((signature) => signature.type), DOCX, XLSX, PPTX, ...Object.values(COMPATIBLE).flat().filter((type) => !type.startsWith('application/x-zip') && type !== ZIP)]);

/** The declared type without parameters, lower-cased; empty when none was sent. */
export function normaliseType(declared: string | undefined): string {
  return (declared ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Why the declared type contradicts the bytes, or null when it does not: a file that claims to be a PDF
 * must start like one, text must be text, and a known binary format must not pose as something else.
 * Unknown binary declared as a type Docket has no signature for (a video, say) is let through.
 */
export function typeConflict(declaredType: string | undefined, sniffed: string): string | null {
  const declared = normaliseType(declaredType);
  if (!declared || declared === UNKNOWN || declared === sniffed) return null;
  const declaredText = declared.startsWith('text/') || TEXT_LIKE.includes(declared);
  if (sniffed === TEXT || sniffed === HTML) return declaredText || !SIGNED_TYPES.has(declared) ? null : `declared ${declared}, but the content is text`;
  if (declaredText) return `declared ${declared}, but the content is binary (${sniffed})`;
  if (COMPATIBLE[sniffed]?.includes(declared)) return null;
  if (sniffed === UNKNOWN) return SIGNED_TYPES.has(declared) ? `declared ${declared}, but the content does not start like one` : null;
  return `declared ${declared}, but the content is ${sniffed}`;
}
