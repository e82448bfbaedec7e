import { parseAttachmentAttributes } from './attachment-attributes';

describe('parseAttachmentAttributes', () => {
  it('accepts nothing, or an object of strings', () => {
    expect(parseAttachmentAttributes(undefined)).toEqual({ attributes: {} });
    expect(parseAttachmentAttributes('{"source":"scanner","page.count":"3"}')).toEqual({ attributes: { source: 'scanner', 'page.count': '3' } });
  });

  it('names what is wrong', () => {
    expect(parseAttachmentAttributes('{not json')).toEqual({ issues: [{ path: 'attributes', message: 'must be a JSON object' }] });
    expect(parseAttachmentAttributes('["a"]')).toEqual({ issues: [{ path: 'attributes', message: 'must be a JSON object of strings' }] });
    expect(parseAttachmentAttributes('{"n":1,"ok":"x","1bad":"y"}')).toEqual({
      issues: [
        { path: 'attributes.n', message: 'must be a string' },
        { path: 'attributes.1bad', message: 'a name starts with a letter and has at most 64 letters, digits, _ . -' },
      ],
    });
    expect(parseAttachmentAttributes(JSON.stringify({ long: 'x'.repeat(1001) }))).toEqual({ issues: [{ path: 'attributes.long', message: 'at most 1000 characters' }] });
    expect('issues' in parseAttachmentAttributes(JSON.stringify(Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 'v']))))).toBe(true);
  });

  it('keeps __proto__ as plain data', () => {
    const parsed = parseAttachmentAttributes('{"__proto__":"x"}');
    expect('issues' in parsed).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
