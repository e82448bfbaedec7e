import { MAX_TAGS, normalTag, requestTags } from './request-tags';

describe('request tags', () => {
  it('trims, collapses inner spaces and lower-cases', () => {
    expect(normalTag('  VIP   Customer ')).toBe('vip customer');
    expect(normalTag('Сбой')).toBe('сбой');
  });

  it('drops repeats, case-insensitively and as MariaDB compares accents, keeping the first spelling in order', () => {
    expect(requestTags(['Printer', 'network', 'PRINTER', ' network ', 'Café', 'cafe', 'Ёлка', 'елка'])).toEqual({ tags: ['printer', 'network', 'café', 'ёлка'], details: [] });
  });

  it('refuses empty, too long, comma and control-character tags, naming each by its place', () => {
    expect(requestTags(['ok', '   ', 'x'.repeat(65), 'a\u0007b', 'a,b']).details).toEqual([
      { path: 'tags.1', message: 'a tag has 1 to 64 characters once trimmed' },
      { path: 'tags.2', message: 'a tag has 1 to 64 characters once trimmed' },
      { path: 'tags.3', message: 'a tag holds no commas or control characters' },
      { path: 'tags.4', message: 'a tag holds no commas or control characters' },
    ]);
    expect(requestTags(['x'.repeat(64)]).tags).toEqual(['x'.repeat(64)]);
  });

  it('allows at most twenty different tags, counted after repeats are dropped', () => {
    const twenty = Array.from({ length: MAX_TAGS }, (_, index) => `t${index}`);
    expect(requestTags([...twenty, 'T0']).tags).toHaveLength(MAX_TAGS);
    expect(requestTags([...twenty, 'extra']).details).toEqual([{ path: 'tags', message: 'at most 20 different tags' }]);
  });

  it('answers no tags for an empty list: clearing them', () => {
    expect(requestTags([])).toEqual({ tags: [], details: [] });
  });
});
