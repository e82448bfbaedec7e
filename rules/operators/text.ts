/** Text operators: lower, upper, trim, length, starts_with, ends_with, and bounded regular expressions. */
import { RuleError } from '../errors';
import { unsafeRegexReason } from '../regex-safety';
import type { RunState } from '../run-state';
import { eager, type OperatorDefinition } from './operator';

const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null);

function transform(name: string, change: (text: string) => string): OperatorDefinition {
  return eager({
    name,
    arity: [1, 1],
    result: 'string',
    argType: () => 'string',
    apply: ([value]) => {
      const text = textOf(value);
      return text === null ? null : change(text);
    },
  });
}

function affix(name: string, test: (text: string, part: string) => boolean): OperatorDefinition {
  return eager({
    name,
    arity: [2, 2],
    result: 'boolean',
    argType: () => 'string',
    apply: ([value, part]) => {
      const [text, piece] = [textOf(value), textOf(part)];
      return text !== null && piece !== null && test(text, piece);
    },
  });
}

/** Texts are matched only up to `maxRegexInputLength` characters; longer input is a rule error. */
function matches(pattern: RegExp, value: unknown, run: RunState, path: string): boolean {
  const text = textOf(value);
  if (text === null) return false;
  if (text.length > run.limits.maxRegexInputLength) {
    throw new RuleError('rule_regex_input_limit', `A text of ${text.length} characters is longer than the ${run.limits.maxRegexInputLength} a pattern may be run on`, path);
  }
  return pattern.test(text);
}

/** `{"match": [value, "^[A-Z]{2}\\d{6}$", "i"]}`: the pattern and flags are literals, checked when saved. */
const match: OperatorDefinition = {
  name: 'match',
  arity: [2, 3],
  result: 'boolean',
  argType: (index) => (index === 0 ? 'string' : 'any'),
  prepare(node, context) {
    const [, pattern, flags] = node.args;
    if (pattern.kind !== 'literal' || typeof pattern.value !== 'string') return context.report(pattern.path, 'The pattern of match is a literal text');
    if (flags !== undefined && (flags.kind !== 'literal' || typeof flags.value !== 'string')) return context.report(flags.path, 'The flags of match are a literal text');
    const flagText = (flags?.kind === 'literal' ? flags.value : '') as string;
    const reason = unsafeRegexReason(pattern.value, flagText);
    if (reason) return context.report(pattern.path, `The pattern is refused: ${reason}`);
    node.prepared = new RegExp(pattern.value, flagText);
  },
  evaluate: (node, data, run, evaluate) => matches(node.prepared as RegExp, evaluate(node.args[0], data), run, node.path),
  compile: (node, gen) => ({
    js: `${gen.constant(matches)}(${gen.constant(node.prepared)}, ${gen.expr(node.args[0]).js}, ${gen.run()}, ${gen.path(node)})`,
    boolean: true,
  }),
};

export const TEXT_OPERATORS: OperatorDefinition[] = [
  transform('lower', (text) => text.toLowerCase()),
  transform('upper', (text) => text.toUpperCase()),
  transform('trim', (text) => text.trim()),
  eager({
    name: 'length',
    arity: [1, 1],
    result: 'number',
    apply: ([value]) => (typeof value === 'string' || Array.isArray(value) ? value.length : 0),
  }),
  affix('starts_with', (text, part) => text.startsWith(part)),
  affix('ends_with', (text, part) => text.endsWith(part)),
  match,
];
