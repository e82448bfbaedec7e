/** Operator-typed text as the rich-text (HTML) field takes it: escaped, one paragraph per line. */
export function plainToHtml(text: string | undefined): string | undefined {
  if (!text?.trim()) return undefined;
  const escape = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return text.split(/\r?\n/).filter((line) => line.trim()).map((line) => `<p>${escape(line)}</p>`).join('');
}
