/**
 * Regular expressions written by administrators (in rules and in attribute definitions) run against
 * values clients send. One that does not compile is refused, and so is one that can backtrack
 * catastrophically: a repeated group that itself repeats (`(a+)+`, `(\w*,?)*`), a repeated alternation
 * whose branches can match the same text (`(a|a)*`, `(ab|a)+`), backreferences and lookaround. Inputs
 * are bounded in length too, so the polynomial cases that remain (`\d*\d*`) stay cheap.
 */
export const MAX_PATTERN_LENGTH = 500;
export const MAX_UNBOUNDED_QUANTIFIERS = 4;
const ALLOWED_FLAGS = /^[imsu]*$/;

interface Frame {
  /** Whether something inside repeats without a small bound. */
  repeats: boolean;
  /** Top-level alternatives of the group, as written. */
  branches: string[];
  branchStart: number;
}

/** Why the pattern is refused, or undefined when it is safe to run. */
export function unsafeRegexReason(pattern: string, flags = 'u'): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `a pattern is at most ${MAX_PATTERN_LENGTH} characters long`;
  if (!ALLOWED_FLAGS.test(flags) || new Set(flags).size !== flags.length) return 'flags are some of i, m, s, u';
  try {
    new RegExp(pattern, flags);
  } catch (error) {
    return `it does not compile: ${(error as Error).message}`;
  }
  return nestingProblem(pattern);
}

function nestingProblem(source: string): string | undefined {
  const stack: Frame[] = [{ repeats: false, branches: [], branchStart: 0 }];
  let index = 0;
  let unbounded = 0;
  let lastAtom: { repeats: boolean; ambiguous: boolean } | null = null;
  while (index < source.length) {
    const char = source[index];
    if (char === '\\') {
      const escaped = source[index + 1];
      if (/[1-9]/.test(escaped) || (escaped === 'k' && source[index + 2] === '<')) return 'backreferences are not allowed: they can make matching take exponential time';
      index = skipEscape(source, index);
      lastAtom = { repeats: false, ambiguous: false };
    } else if (char === '[') {
      index = skipClass(source, index);
      lastAtom = { repeats: false, ambiguous: false };
    } else if (char === '(') {
      if (/^\((\?=|\?!|\?<=|\?<!)/.test(source.slice(index))) return 'lookahead and lookbehind are not allowed';
      index = skipGroupPrefix(source, index + 1);
      stack.push({ repeats: false, branches: [], branchStart: index });
      lastAtom = null;
    } else if (char === '|') {
      const frame = stack[stack.length - 1];
      frame.branches.push(source.slice(frame.branchStart, index));
      frame.branchStart = ++index;
      lastAtom = null;
    } else if (char === ')') {
      const frame = stack.pop()!;
      frame.branches.push(source.slice(frame.branchStart, index++));
      lastAtom = { repeats: frame.repeats, ambiguous: overlappingBranches(frame.branches) };
    } else {
      const quantifier = readQuantifier(source, index);
      if (!quantifier) {
        lastAtom = { repeats: false, ambiguous: false };
        index++;
        continue;
      }
      if (quantifier.repeating && lastAtom?.repeats) return 'a repeated group may not itself repeat (like (a+)+): matching can take exponential time';
      if (quantifier.repeating && lastAtom?.ambiguous) return 'a repeated group may not have alternatives that match the same text (like (a|ab)*): matching can take exponential time';
      if (quantifier.unbounded && ++unbounded > MAX_UNBOUNDED_QUANTIFIERS) return `at most ${MAX_UNBOUNDED_QUANTIFIERS} unbounded quantifiers (*, +, {n,}) are allowed`;
      if (quantifier.repeating || lastAtom?.repeats) stack[stack.length - 1].repeats = true;
      index = quantifier.end;
      lastAtom = null;
    }
  }
  return undefined;
}

/** A quantifier repeats "without a small bound" when it allows more than ten repetitions. */
function readQuantifier(source: string, index: number): { repeating: boolean; unbounded: boolean; end: number } | null {
  const char = source[index];
  let end = index + 1;
  let repeating: boolean;
  let unbounded = false;
  if (char === '*' || char === '+') repeating = unbounded = true;
  else if (char === '?') repeating = false;
  else if (char === '{') {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(index));
    if (!match) return null;
    end = index + match[0].length;
    unbounded = match[2] !== undefined && match[3] === '';
    repeating = unbounded || (match[2] !== undefined && Number(match[3]) > 10);
  } else return null;
  if (source[end] === '?') end++;
  return { repeating, unbounded, end };
}

/** Same text, or one branch a prefix of another: the engine can split the input between them many ways. */
function overlappingBranches(branches: string[]): boolean {
  for (let first = 0; first < branches.length; first++) {
    for (let second = first + 1; second < branches.length; second++) {
      const [a, b] = [branches[first], branches[second]];
      if (a === b || (a.length && b.startsWith(a)) || (b.length && a.startsWith(b))) return true;
    }
  }
  return false;
}

function skipEscape(source: string, index: number): number {
  const escaped = source[index + 1];
  if ((escaped === 'p' || escaped === 'P' || escaped === 'u') && source[index + 2] === '{') return source.indexOf('}', index) + 1;
  return index + 2;
}

function skipClass(source: string, index: number): number {
  let cursor = index + 1;
  while (cursor < source.length && source[cursor] !== ']') cursor += source[cursor] === '\\' ? 2 : 1;
  return cursor + 1;
}

function skipGroupPrefix(source: string, index: number): number {
  const match = /^\?(:|<[A-Za-z_$][\w$]*>)/.exec(source.slice(index));
  return match ? index + match[0].length : index;
}
