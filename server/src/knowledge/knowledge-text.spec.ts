import { MAX_SEARCH_TERMS, normalTags, relevance, searchTerms, searchTextOf } from './knowledge-text';

describe('knowledge search text', () => {
  it('joins title, body and tags in lower case, whitespace collapsed', () => {
    expect(searchTextOf('VPN  Не работает', 'Restart\nthe client', ['Network', 'VPN'])).toBe('vpn не работает restart the client network vpn');
  });

  it('splits a query into distinct lower-case words, capped', () => {
    expect(searchTerms('  VPN vpn Пароль ')).toEqual(['vpn', 'пароль']);
    expect(searchTerms(undefined)).toEqual([]);
    expect(searchTerms('   ')).toEqual([]);
    expect(searchTerms(Array.from({ length: 20 }, (_, index) => `w${index}`).join(' '))).toHaveLength(MAX_SEARCH_TERMS);
  });

  it('keeps literal LIKE wildcards as words (escaping is the query builder’s job)', () => {
    expect(searchTerms('100% _x_')).toEqual(['100%', '_x_']);
  });

  it('normalises tags: trimmed, no blanks, no case-insensitive repeats', () => {
    expect(normalTags([' VPN', 'vpn', '', 'Mail '])).toEqual(['VPN', 'Mail']);
  });

  it('weighs a term as a word of the title over a part of one, over a tag, over the body alone', () => {
    expect(relevance(['пароль'], 'Сменить пароль в VPN', [])).toBe(4);
    expect(relevance(['пароль'], 'Смена паролей', ['Пароль'])).toBe(2);
    expect(relevance(['vpn'], 'VPN-client crashes', [])).toBe(4);
    expect(relevance(['mail'], 'E-mailing lists', [])).toBe(3);
    expect(relevance(['mail'], 'Lists', ['E-Mail'])).toBe(2);
    expect(relevance(['printer'], 'Lists', ['mail'])).toBe(0);
    expect(relevance(['vpn', 'пароль'], 'VPN: пароль', ['vpn'])).toBe(10);
  });
});
