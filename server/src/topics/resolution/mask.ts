/**
 * Input masks: `9` a digit, `a` a letter, `*` a letter or digit, `\` makes the next character literal;
 * every other character stands for itself. `+7 (999) 999-99-99` accepts `+7 (912) 345-67-89`.
 */
const PLACEHOLDERS: Record<string, string> = { '9': '\\p{Nd}', a: '\\p{L}', '*': '[\\p{L}\\p{Nd}]' };

export function maskPattern(mask: string): string {
  let pattern = '';
  for (let index = 0; index < mask.length; index++) {
    const char = mask[index];
    if (char === '\\' && index + 1 < mask.length) pattern += escapeLiteral(mask[++index]);
    else pattern += PLACEHOLDERS[char] ?? escapeLiteral(char);
  }
  return `^${pattern}$`;
}

export function matchesMask(mask: string, value: string): boolean {
  return new RegExp(maskPattern(mask), 'u').test(value);
}

/** A mask must end cleanly and ask for at least one character. */
export function maskProblem(mask: string): string | null {
  if (!mask.length) return 'the mask is empty';
  if (/(^|[^\\])(\\\\)*\\$/.test(mask)) return 'the mask ends with an unfinished escape (\\)';
  return null;
}

function escapeLiteral(char: string): string {
  return /[\\^$.*+?()[\]{}|]/.test(char) ? `\\${char}` : char;
}
