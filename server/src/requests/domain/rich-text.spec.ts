import { mentionsIn, sanitizePlainText, sanitizeRichText } from './rich-text';

describe('rich text', () => {
  it('keeps formatting and removes scripts, handlers and dangerous links', () => {
    const dirty = '<p onclick="steal()">Printer <b>broken</b><script>alert(1)</script></p><a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)>';
    const clean = sanitizeRichText(dirty);
    expect(clean).toBe('<p>Printer <b>broken</b></p><a rel="noopener noreferrer nofollow">x</a>');
    expect(clean).not.toMatch(/script|onerror|onclick|javascript/);
  });

  it('keeps safe links and makes them open nothing else', () => {
    expect(sanitizeRichText('<a href="https://docket.dev/kb/1" target="_top">KB</a>')).toBe('<a href="https://docket.dev/kb/1" rel="noopener noreferrer nofollow">KB</a>');
  });

  it('turns a subject into tagless, escaped text on one line', () => {
    expect(sanitizePlainText('  <b>No</b> internet\n<script>alert(1)</script> since <i>Monday</i> & more ')).toBe('No internet since Monday &amp; more');
    expect(sanitizePlainText('<img src=x onerror=alert(1)>')).toBe('');
  });

  it('finds mentions once each, not e-mail addresses', () => {
    expect(mentionsIn('<p>@olga please ask @pavel.k, cc @olga; mail ivan@example.com</p>')).toEqual(['olga', 'pavel.k']);
  });
});
