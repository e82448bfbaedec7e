import { compile } from 'html-to-text';

// Compiled once: `convert` compiles its options (a selector decision tree) on every call, which cost more
// than the conversion itself on every request registered, commented or indexed.
const toPlainText = compile({
  wordwrap: false,
  // Link targets and images are not words anyone searches for; scripts and styles are never text.
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
  ],
  limits: { maxInputLength: 16 * 1024 * 1024 },
});

/** The words of an HTML document or fragment (entities decoded, blocks on their own lines). */
export function htmlToPlainText(html: string): string {
  return toPlainText(html);
}
