/**
 * Regular expressions written by administrators run against every value a client sends. One that does
 * not compile is refused, and so is one that can backtrack catastrophically: a repeated group that
 * itself contains a repetition (`(a+)+`, `(\w*,?)*`), a repeated alternation whose branches can match
 * the same text (`(a|a)*`, `(ab|a)+`) and backreferences. Values are also bounded in length, so the
 * polynomial cases that remain (`\d*\d*`) stay cheap.
 */
export const MAX_REGEX_LENGTH = 500;

interface Frame {
  /** Whether something inside repeats without a small bound. */
  repeats: boolean;
  /** Top-level alternatives of the group, as written. */
  branches: string[];
  branchStart: number;
}

/** `null` when the expression is safe to run, otherwise why not. */
export function regexProblem(source: string): string | null {
  if (source.length > MAX_REGEX_LENGTH) return `the expression is longer than ${MAX_REGEX_LENGTH} characters`;
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return `the expression does not compile: ${(error as Error).message}`;
  }
  return nestingProblem(source);
}

function nestingProblem(source: string): string | null {
  const stack: Frame[] = [{ repeats: false, branches: [], branchStart: 0 }];
  let index = 0;
  let lastAtom: { repeats: boolean; ambiguous: boolean } | null = null;
  while (index < source.length) {
    const char = source[index];
    if (char === '\\') {
      const escaped = source[index + 1];
      if (/[1-9]/.test(escaped) || (escaped === 'k' && source[index + 2] === '<')) return 'backreferences are not allowed: they can make matching take exponential time';
      index = skipEscape(source, index);
      lastAtom = { repeats: false, ambiguous: false };
      continue;
    }
    if (char === '[') {
      index = skipClass(source, index);
      lastAtom = { repeats: false, ambiguous: false };
      continue;
    }
    if (char === '(') {
      index = skipGroupPrefix(source, index + 1);
      stack.push({ repeats: false, branches: [], branchStart: index });
      lastAtom = null;
      continue;
    }
    if (char === '|') {
      const frame = stack[stack.length - 1];
      frame.branches.push(source.slice(frame.branchStart, index));
      frame.branchStart = index + 1;
      index++;
      lastAtom = null;
      continue;
    }
    if (char === ')') {
      const frame = stack.pop()!;
      frame.branches.push(source.slice(frame.branchStart, index));
      lastAtom = { repeats: frame.repeats, ambiguous: overlappingBranches(frame.branches) };
      index++;
      continue;
    }
    const quantifier = readQuantifier(source, index);
    if (quantifier) {
      if (quantifier.repeating && lastAtom?.repeats) return `"${source}" repeats a group that itself repeats (like (a+)+): matching can take exponential time`;
      if (quantifier.repeating && lastAtom?.ambiguous) return `"${source}" repeats a group whose alternatives can match the same text (like (a|ab)*): matching can take exponential time`;
      if (quantifier.repeating || lastAtom?.repeats) stack[stack.length - 1].repeats = true;
      index = quantifier.end;
      lastAtom = null;
      continue;
    }
    lastAtom = { repeats: false, ambiguous: false };
    index++;
  }
  return null;
}

/** A quantifier repeats "without a small bound" when it allows more than ten repetitions. */
function readQuantifier(source: string, index: number): { repeating: boolean; end: number } | null {
  const char = source[index];
  let end = index + 1;
  let repeating: boolean;
  if (char === '*' || char === '+') repeating = true;
  else if (char === '?') repeating = false;
  else if (char === '{') {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(index));
    if (!match) return null;
    end = index + match[0].length;
    repeating = match[2] !== undefined && (match[3] === '' || Number(match[3]) > 10);
  } else return null;
  if (source[end] === '?') end++;
  return { repeating, end };
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
  const match = /^\?(:|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(source.slice(index));
  return match ? index + match[0].length : index;
}
