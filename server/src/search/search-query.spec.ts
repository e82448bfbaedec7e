import { firstMatch, fts5Query, mariadbBooleanQuery, searchTerms, snippetOf } from './search-query';
import { textChunks } from './search-text';

describe('searchTerms', () => {
  it('keeps only words, lower-cased and without repeats', () => {
    expect(searchTerms('Printer PRINTER jammed!')).toEqual(['printer', 'jammed']);
    expect(searchTerms('Принтер   не печатает')).toEqual(['принтер', 'не', 'печатает']);
    expect(searchTerms('REQ-2026-000123')).toEqual(['req', '2026', '000123']);
    expect(searchTerms('***')).toEqual([]);
  });

  it('bounds the number and length of words', () => {
    expect(searchTerms('a b c d e f g h i j k')).toHaveLength(8);
    expect(searchTerms('x'.repeat(200))[0]).toHaveLength(84);
  });
});

describe('hostile input', () => {
  const hostile = ['"a" OR *', `'; drop table requests; --`, '-printer +(<fax >scan) ~x "y"@3', 'NEAR(a b, 2) AND NOT c', 'col:value ^start', '\\" \u0000 %_'];

  it.each(hostile)('%s reaches FTS5 as quoted words only', (input) => {
    const query = fts5Query(searchTerms(input));
    if (query === null) return;
    // Every token is "word"* — no bare operator, column filter, caret, parenthesis or unbalanced quote.
    expect(query).toMatch(/^("[\p{L}\p{N}]+"\*)( "[\p{L}\p{N}]+"\*)*$/u);
  });

  it.each(hostile)('%s reaches MariaDB boolean mode as required prefixes only', (input) => {
    const query = mariadbBooleanQuery(searchTerms(input));
    if (query === null) return;
    expect(query).toMatch(/^(\+[\p{L}\p{N}]+\*)( \+[\p{L}\p{N}]+\*)*$/u);
  });

  it('turns the classic injections into plain words', () => {
    expect(fts5Query(searchTerms('"a" OR *'))).toBe('"a"* "or"*');
    expect(mariadbBooleanQuery(searchTerms(`'; drop table requests; --`))).toBe('+drop* +table* +requests*');
  });

  it('leaves out what InnoDB never indexes, and gives up when nothing is left', () => {
    expect(mariadbBooleanQuery(['the', 'printer', 'is', 'ok'])).toBe('+printer*');
    expect(mariadbBooleanQuery(['a', 'or'])).toBeNull();
    expect(fts5Query([])).toBeNull();
  });
});

describe('snippets', () => {
  const text = `${'lorem ipsum '.repeat(30)}the Kumquat printer stopped ${'dolor sit '.repeat(30)}`;

  it('centres on the first matching word (as a prefix, at a word start)', () => {
    const snippet = snippetOf(text, ['kumq'], 60);
    expect(snippet).toMatch(/^….*Kumquat printer.*…$/);
    expect(snippet.length).toBeLessThanOrEqual(62);
    expect(firstMatch('a squatter', ['quat'])).toBeNull();
  });

  it('starts at the beginning when nothing matches', () => {
    expect(snippetOf('short text', ['zzz'])).toBe('short text');
  });
});

describe('textChunks', () => {
  it('cuts long text at spaces, never inside a word', () => {
    const words = Array.from({ length: 5000 }, (_, index) => `w${index}`);
    const chunks = textChunks(words.join(' '), 1000);
    expect(chunks.every((chunk) => chunk.length <= 1000)).toBe(true);
    expect(chunks.join(' ').split(' ')).toEqual(words);
    expect(textChunks('   ')).toEqual([]);
  });
});
