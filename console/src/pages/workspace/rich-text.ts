/**
 * Comments and descriptions are sanitised by the server; the console cleans them once more before putting
 * them in the page, so a stored value can never run script here whatever wrote it.
 */
const ALLOWED = new Set(['P', 'BR', 'B', 'STRONG', 'I', 'EM', 'U', 'S', 'UL', 'OL', 'LI', 'A', 'BLOCKQUOTE', 'CODE', 'PRE', 'SPAN', 'DIV', 'H1', 'H2', 'H3', 'H4']);
const SAFE_LINK = /^(https?:|mailto:)/i;

function clean(node: Node, into: Node, document: Document): void {
  for (const child of [...node.childNodes]) {
    if (child.nodeType === Node.TEXT_NODE) {
      into.appendChild(document.createTextNode(child.textContent ?? ''));
    } else if (child instanceof Element) {
      if (!ALLOWED.has(child.tagName)) {
        // Unknown elements keep their text but not themselves; script and style lose both.
        if (child.tagName !== 'SCRIPT' && child.tagName !== 'STYLE') clean(child, into, document);
        continue;
      }
      const copy = document.createElement(child.tagName);
      const href = child.getAttribute('href');
      if (child.tagName === 'A' && href && SAFE_LINK.test(href.trim())) {
        copy.setAttribute('href', href.trim());
        copy.setAttribute('rel', 'noopener noreferrer');
        copy.setAttribute('target', '_blank');
      }
      clean(child, copy, document);
      into.appendChild(copy);
    }
  }
}

export function safeHtml(html: string | null | undefined): string {
  if (!html) return '';
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const out = document.createElement('div');
  clean(parsed.body, out, document);
  return out.innerHTML;
}
