/**
 * Admits only regular expressions whose matching time stays polynomial and small: no backreferences
 * or lookaround, no repeated group that itself repeats or alternates (the shapes behind catastrophic
 * backtracking, e.g. `(a+)+`, `(a|aa)*`), and few unbounded quantifiers. With the input length capped
 * (`maxRegexInputLength`), the worst case is bounded.
 */
export const MAX_PATTERN_LENGTH = 500;
export const MAX_UNBOUNDED_QUANTIFIERS = 4;
const ALLOWED_FLAGS = /^[imsu]*$/;

interface Group {
  repeats: boolean;
  alternates: boolean;
}

/** Why the pattern is refused, or undefined when it is admitted. */
export function unsafeRegexReason(pattern: string, flags = ''): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `a pattern is at most ${MAX_PATTERN_LENGTH} characters long`;
  if (!ALLOWED_FLAGS.test(flags) || new Set(flags).size !== flags.length) return 'flags are some of i, m, s, u';
  try {
    new RegExp(pattern, flags);
  } catch (error) {
    return `it is not a valid regular expression: ${(error as Error).message}`;
  }
  const groups: Group[] = [{ repeats: false, alternates: false }];
  let unbounded = 0;
  /** What the last atom was: a group (with what it contains), a plain atom, or nothing to repeat. */
  let lastGroup: Group | undefined;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    const current = groups[groups.length - 1];
    if (char === '\\') {
      const next = pattern[index + 1];
      if (/[1-9]/.test(next) || next === 'k') return 'backreferences are not allowed';
      index++;
      lastGroup = undefined;
    } else if (char === '[') {
      index = endOfClass(pattern, index);
      lastGroup = undefined;
    } else if (char === '(') {
      if (pattern.startsWith('(?=', index) || pattern.startsWith('(?!', index) || pattern.startsWith('(?<=', index) || pattern.startsWith('(?<!', index)) {
        return 'lookahead and lookbehind are not allowed';
      }
      groups.push({ repeats: false, alternates: false });
    } else if (char === ')') {
      lastGroup = groups.pop();
      const parent = groups[groups.length - 1];
      parent.repeats ||= lastGroup!.repeats;
    } else if (char === '|') {
      current.alternates = true;
      lastGroup = undefined;
    } else if (char === '*' || char === '+' || char === '?' || char === '{') {
      const quantifier = readQuantifier(pattern, index);
      if (!quantifier) {
        lastGroup = undefined;
        continue;
      }
      index = quantifier.end;
      if (pattern[index + 1] === '?') index++;
      if (quantifier.max > 1) {
        if (lastGroup && (lastGroup.repeats || lastGroup.alternates)) return 'a repeated group may not itself repeat or alternate, e.g. (a+)+ or (a|b)*';
        current.repeats = true;
        if (quantifier.max === Number.POSITIVE_INFINITY && ++unbounded > MAX_UNBOUNDED_QUANTIFIERS) {
          return `at most ${MAX_UNBOUNDED_QUANTIFIERS} unbounded quantifiers (*, +, {n,}) are allowed`;
        }
      }
      lastGroup = undefined;
    } else {
      lastGroup = undefined;
    }
  }
  return undefined;
}

function endOfClass(pattern: string, start: number): number {
  for (let index = start + 1; index < pattern.length; index++) {
    if (pattern[index] === '\\') index++;
    else if (pattern[index] === ']' && index > start + 1) return index;
  }
  return pattern.length;
}

function readQuantifier(pattern: string, index: number): { max: number; end: number } | undefined {
  const char = pattern[index];
  if (char === '*' || char === '+') return { max: Number.POSITIVE_INFINITY, end: index };
  if (char === '?') return { max: 1, end: index };
  const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(index));
  if (!match) return undefined;
  const max = match[2] === undefined ? Number(match[1]) : match[3] === '' ? Number.POSITIVE_INFINITY : Number(match[3]);
  return { max, end: index + match[0].length - 1 };
}
