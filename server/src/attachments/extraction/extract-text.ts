import { decodeText, DOCX, HTML, PDF, TEXT, XLSX } from '../content-sniff';
import { htmlToPlainText } from './html-text';
import { docxText, xlsxText } from './office-text';
import { pdfText } from './pdf-text';
import { TextSink } from './text-sink';
import { zipContents } from './zip-size';

export type ExtractionStatus = 'extracted' | 'truncated' | 'unsupported' | 'failed' | 'timeout' | 'refused';

export interface ExtractionLimits {
  /** Characters of text kept; the rest is dropped and the status says `truncated`. */
  maxChars: number;
  timeoutMs: number;
  /** Largest total a DOCX/XLSX may unpack to. */
  maxUnpackedBytes: number;
}

export const DEFAULT_LIMITS: ExtractionLimits = { maxChars: 1_000_000, timeoutMs: 15_000, maxUnpackedBytes: 200 * 1024 * 1024 };

export interface Extraction {
  status: ExtractionStatus;
  text: string;
  detail?: string;
}

type Extractor = (bytes: Buffer, sink: TextSink) => Promise<void>;

const EXTRACTORS: Record<string, Extractor> = {
  [PDF]: pdfText,
  [DOCX]: docxText,
  [XLSX]: xlsxText,
  [TEXT]: async (bytes, sink) => sink.add(decodeText(bytes, true) ?? ''),
  [HTML]: async (bytes, sink) => sink.add(htmlToPlainText(decodeText(bytes, true) ?? '')),
};

export function canExtract(contentType: string): boolean {
  return Object.hasOwn(EXTRACTORS, contentType);
}

/**
 * The searchable text of a file whose type was sniffed from its bytes. Never throws: a broken or hostile
 * file gives `failed`, one too slow gives `timeout` (what arrived before the deadline is dropped).
 */
export async function extractText(bytes: Buffer, contentType: string, limits: ExtractionLimits = DEFAULT_LIMITS): Promise<Extraction> {
  const extractor = EXTRACTORS[contentType];
  if (!extractor) return { status: 'unsupported', text: '' };
  if (contentType === DOCX || contentType === XLSX) {
    const zip = zipContents(bytes);
    if (!zip) return { status: 'failed', text: '', detail: 'not a readable zip' };
    if (zip.uncompressedBytes > limits.maxUnpackedBytes) return { status: 'refused', text: '', detail: `unpacks to ${zip.uncompressedBytes} bytes` };
  }
  const sink = new TextSink(limits.maxChars * 2, Date.now() + limits.timeoutMs);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), limits.timeoutMs)));
  try {
    const outcome = await Promise.race([extractor(bytes, sink).then(() => 'done' as const), timeout]);
    if (outcome === 'timeout' || sink.late()) return { status: 'timeout', text: '' };
  } catch (error) {
    return { status: 'failed', text: '', detail: error instanceof Error ? error.message.slice(0, 200) : String(error) };
  } finally {
    clearTimeout(timer);
  }
  const text = normaliseText(sink.text());
  const clipped = clip(text, limits.maxChars);
  return { status: sink.truncated || clipped.length < text.length ? 'truncated' : 'extracted', text: clipped };
}

/** Line ends unified, runs of spaces and of blank lines folded: what is left is words and line breaks. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** At most `maxChars`, cut at a space or line break when there is one in the last hundred characters. */
export function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const space = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('\n'));
  return (space > maxChars - 100 ? cut.slice(0, space) : cut).trimEnd();
}
