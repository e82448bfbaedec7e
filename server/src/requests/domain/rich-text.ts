import sanitizeHtml from 'sanitize-html';

/** What rich text (descriptions, comments) may keep: formatting, lists, links, tables; no scripts, styles or frames. */
const RICH_TEXT: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'b', 'strong', 'i', 'em', 'u', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span'],
  allowedAttributes: { a: ['href', 'title', 'rel'], span: ['data-mention'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
};

const NO_TAGS: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {} };

/** Rich text as stored and served: safe to place into a page as HTML. */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, RICH_TEXT).trim();
}

/** A one-line field (a subject): every tag removed, the rest HTML-escaped, so it is harmless as HTML or text. */
export function sanitizePlainText(text: string): string {
  return sanitizeHtml(text, NO_TAGS).replace(/\s+/g, ' ').trim();
}

/** Logins mentioned as `@login` in the text of a comment. */
export function mentionsIn(html: string): string[] {
  const text = sanitizeHtml(html, NO_TAGS);
  return [...new Set([...text.matchAll(/(?:^|[^\w@])@([A-Za-z0-9_.-]{2,64})/g)].map((match) => match[1].replace(/\.+$/, '')))];
}
