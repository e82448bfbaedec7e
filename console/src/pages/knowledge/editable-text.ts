import { plainToHtml } from '../workspace/plain-text';

const BLOCKS = 'p, li, h1, h2, h3, h4, blockquote, pre, div';

/**
 * Stored rich text as the plain-text editor shows it: one line per paragraph (or list item, heading…),
 * the inverse of plainToHtml for what the console writes. Parsed, never put into the page.
 */
export function editableText(html: string | null | undefined): string {
  if (!html) return '';
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const blocks = [...body.querySelectorAll(BLOCKS)].filter((block) => !block.querySelector(BLOCKS));
  const lines = blocks.length ? blocks.map((block) => block.textContent ?? '') : [body.textContent ?? ''];
  return lines.map((line) => line.trim()).filter(Boolean).join('\n');
}

/**
 * What to send for a rich-text field edited as plain text: undefined when the text is as loaded (so markup
 * written elsewhere survives an edit of other fields), null when emptied, else the text as paragraphs.
 */
export function changedRichText(loaded: string | null | undefined, edited: string | undefined): string | null | undefined {
  if ((edited ?? '').trim() === editableText(loaded)) return undefined;
  return plainToHtml(edited) ?? null;
}
