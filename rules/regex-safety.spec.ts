import { regexProblem } from './regex-safety';

describe('regexProblem', () => {
  it.each(['^\\d{6}$', '^[A-Z]{2}-\\d+$', '^(\\+7|8)\\d{10}$', '^\\p{L}+( \\p{L}+)?$', '^(?:ab){1,3}$', '^[(a+)+]$', 'a{2,5}b*'])('accepts %s', (source) => {
    expect(regexProblem(source)).toBeNull();
  });

  it.each([
    ['(a+)+', 'repeats a group that itself repeats'],
    ['^(\\w*,?)*$', 'repeats a group that itself repeats'],
    ['^((ab)*c)+$', 'repeats a group that itself repeats'],
    ['(x{1,50}){2,}', 'repeats a group that itself repeats'],
    ['^(a|a)*$', 'alternatives can match the same text'],
    ['^(ab|a)+$', 'alternatives can match the same text'],
    ['(a)\\1', 'backreferences are not allowed'],
    ['(?<x>a)\\k<x>', 'backreferences are not allowed'],
    ['(abc', 'does not compile'],
    ['[z-a]', 'does not compile'],
    ['a'.repeat(501), 'longer than 500'],
  ])('refuses %s', (source, why) => {
    expect(regexProblem(source)).toContain(why);
  });

  it('refuses what actually backtracks for seconds, and those it accepts run fast on hostile input', () => {
    const hostile = 'a'.repeat(28) + '!';
    expect(regexProblem('^(a+)+$')).not.toBeNull();
    const started = performance.now();
    for (const source of ['^a+$', '^(?:a|b)+$', '^[a-z]+\\d*$']) {
      expect(regexProblem(source)).toBeNull();
      new RegExp(source, 'u').test(hostile);
    }
    expect(performance.now() - started).toBeLessThan(50);
  });
});
