import { maskPattern, maskProblem, matchesMask } from './mask';

describe('input masks', () => {
  it('matches digits, letters and literals in place', () => {
    expect(matchesMask('+7 (999) 999-99-99', '+7 (912) 345-67-89')).toBe(true);
    expect(matchesMask('+7 (999) 999-99-99', '+7 (912) 345-67-8')).toBe(false);
    expect(matchesMask('aa-9999', 'ЖК-1234')).toBe(true);
    expect(matchesMask('aa-9999', '12-1234')).toBe(false);
    expect(matchesMask('***', 'a1Б')).toBe(true);
  });

  it('treats an escaped placeholder as a literal', () => {
    expect(matchesMask('\\9-9', '9-4')).toBe(true);
    expect(matchesMask('\\9-9', '5-4')).toBe(false);
    expect(maskPattern('a.b')).toBe('^\\p{L}\\.b$');
  });

  it('reports a broken mask', () => {
    expect(maskProblem('')).toContain('empty');
    expect(maskProblem('99\\')).toContain('unfinished escape');
    expect(maskProblem('99\\\\')).toBeNull();
  });
});
