import { unsafeRegexReason } from './regex-safety';

describe('unsafeRegexReason', () => {
  it.each(['^\\d{6}$', '^[A-Z]{2}-\\d+$', '^(\\+7|8)\\d{10}$', '^\\p{L}+( \\p{L}+)?$', '^(?:ab){1,3}$', '^[(a+)+]$', 'a{2,5}b*'])('accepts %s', (source) => {
    expect(unsafeRegexReason(source)).toBeUndefined();
  });

  it.each([
    ['(a+)+', 'may not itself repeat'],
    ['^(\\w*,?)*$', 'may not itself repeat'],
    ['^((ab)*c)+$', 'may not itself repeat'],
    ['(x{1,50}){2,}', 'may not itself repeat'],
    ['^(a|a)*$', 'alternatives that match the same text'],
    ['^(ab|a)+$', 'alternatives that match the same text'],
    ['^(?=a)a$', 'lookahead and lookbehind'],
    ['a*b*c*d*e*', 'at most 4 unbounded quantifiers'],
    ['(a)\\1', 'backreferences are not allowed'],
    ['(?<x>a)\\k<x>', 'backreferences are not allowed'],
    ['(abc', 'does not compile'],
    ['[z-a]', 'does not compile'],
    ['a'.repeat(501), 'at most 500 characters'],
  ])('refuses %s', (source, why) => {
    expect(unsafeRegexReason(source)).toContain(why);
  });

  it('refuses what actually backtracks for seconds, and those it accepts run fast on hostile input', () => {
    const hostile = 'a'.repeat(28) + '!';
    expect(unsafeRegexReason('^(a+)+$')).toBeDefined();
    const started = performance.now();
    for (const source of ['^a+$', '^(?:a|b)+$', '^[a-z]+\\d*$']) {
      expect(unsafeRegexReason(source)).toBeUndefined();
      new RegExp(source, 'u').test(hostile);
    }
    expect(performance.now() - started).toBeLessThan(50);
  });
});
