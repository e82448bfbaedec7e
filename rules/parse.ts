/**
 * Rule text → checked tree. Shape, operators, arity, literal values and the size and depth limits
 * are all checked here, once, before anything evaluates or compiles the rule.
 */
import { RuleError } from './errors';
import { closest } from './levenshtein';
import { sizeOf, type Node, type OperatorDefinition, type OperatorNode, type StaticContext } from './operators/operator';
import { OPERATORS } from './operators/registry';
import type { RuleIssue, RuleLimits } from './types';

export interface ParsedRule {
  root: Node;
  nodeCount: number;
  /** Canonical text of the rule (sorted literal keys); equal rules have equal keys. */
  key: string;
}

const UNKNOWN: OperatorDefinition = {
  name: 'unknown',
  arity: [0, Number.POSITIVE_INFINITY],
  result: 'any',
  evaluate: () => {
    throw new RuleError('rule_unknown_operator', 'Unknown operator');
  },
  compile: () => ({ js: 'undefined', boolean: false }),
};

export const pointerSegment = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');

/** Parses a rule; throws the first problem as a RuleError, or collects all of them into `issues`. */
export function parseRule(rule: unknown, limits: RuleLimits, issues?: RuleIssue[]): ParsedRule {
  const parser = new Parser(limits, issues);
  const { node, key } = parser.parse(rule, '', 0);
  // Evaluating every node once must fit the step budget (iterations are charged as they run).
  if (parser.count > limits.maxSteps) {
    const error = new RuleError('rule_step_limit', `The rule's ${parser.count} nodes exceed the budget of ${limits.maxSteps} evaluation steps`);
    if (!issues) throw error;
    issues.push({ path: '', message: error.message });
  }
  return { root: node, nodeCount: parser.count, key };
}

class Parser implements StaticContext {
  count = 0;
  private tooLarge = false;

  constructor(
    readonly limits: RuleLimits,
    private readonly issues: RuleIssue[] | undefined,
  ) {}

  report(path: string, message: string, hint?: string): void {
    this.fail('rule_invalid_argument', path, message, hint);
  }

  private fail(code: string, path: string, message: string, hint?: string): void {
    if (!this.issues) throw new RuleError(code, hint ? `${message}; ${hint}` : message, path);
    this.issues.push(hint ? { path, message, hint } : { path, message });
  }

  /** False once a limit is exceeded (then the rest of the rule is not descended into). */
  private enter(path: string, depth: number): boolean {
    if (this.tooLarge) return false;
    if (depth > this.limits.maxDepth) {
      this.tooLarge = true;
      this.fail('rule_too_deep', path, `The rule is nested deeper than ${this.limits.maxDepth} levels`);
      return false;
    }
    if (++this.count > this.limits.maxNodes) {
      this.tooLarge = true;
      this.fail('rule_too_large', path, `The rule has more than ${this.limits.maxNodes} nodes`);
      return false;
    }
    return true;
  }

  parse(value: unknown, path: string, depth: number): { node: Node; key: string } {
    if (!this.enter(path, depth)) return { node: { kind: 'literal', value: null, path }, key: 'null' };
    if (Array.isArray(value)) {
      const parsed = value.map((item, index) => this.parse(item, `${path}/${index}`, depth + 1));
      return { node: { kind: 'array', items: parsed.map((item) => item.node), path }, key: `[${parsed.map((item) => item.key).join(',')}]` };
    }
    if (isOperation(value)) return this.operation(value, path, depth);
    return { node: { kind: 'literal', value, path }, key: this.literalKey(value, path, depth) };
  }

  private operation(value: Record<string, unknown>, path: string, depth: number): { node: Node; key: string } {
    const name = Object.keys(value)[0];
    const argsPath = `${path}/${pointerSegment(name)}`;
    const raw = value[name];
    // `{"!": true}` is short for `{"!": [true]}`; paths point at what the rule really holds.
    const parsed = Array.isArray(raw) ? raw.map((arg, index) => this.parse(arg, `${argsPath}/${index}`, depth + 1)) : [this.parse(raw, argsPath, depth + 1)];
    const args = parsed.map((arg) => arg.node);
    let definition = OPERATORS.get(name);
    if (!definition) {
      const guess = closest(name, OPERATORS.keys());
      this.fail('rule_unknown_operator', argsPath, `Unknown operator '${name}'`, guess ? `did you mean '${guess}'?` : undefined);
      definition = UNKNOWN;
    } else if (args.length < definition.arity[0] || args.length > definition.arity[1]) {
      const [min, max] = definition.arity;
      const expected = min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
      this.fail('rule_arity', argsPath, `'${name}' takes ${expected} argument${expected === '1' ? '' : 's'}, not ${args.length}`);
    }
    const size = 1 + args.reduce((sum, arg) => sum + sizeOf(arg), 0);
    const node: OperatorNode = { kind: 'operator', name, definition, args, path, size };
    if (definition !== UNKNOWN && args.length >= definition.arity[0] && args.length <= definition.arity[1]) definition.prepare?.(node, this);
    return { node, key: `{${JSON.stringify(name)}:[${parsed.map((arg) => arg.key).join(',')}]}` };
  }

  /** Canonical JSON of a literal, checking it is JSON data (finite numbers, plain objects). */
  private literalKey(value: unknown, path: string, depth: number): string {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return Object.is(value, -0) ? '-0' : JSON.stringify(value);
      this.fail('rule_invalid_value', path, `${value} is not a JSON number`);
      return 'null';
    }
    if (Array.isArray(value) || isPlainObject(value)) {
      const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const parts: string[] = [];
      for (const [key, item] of entries) {
        if (!this.enter(`${path}/${pointerSegment(key)}`, depth + 1)) return 'null';
        const itemKey = this.literalKey(item, `${path}/${pointerSegment(key)}`, depth + 1);
        parts.push(Array.isArray(value) ? itemKey : `${JSON.stringify(key)}:${itemKey}`);
      }
      return Array.isArray(value) ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
    }
    this.fail('rule_invalid_value', path, `A rule holds only JSON values, not ${typeof value === 'object' ? 'this object' : typeof value}`);
    return 'null';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  // Any realm's Object.prototype (its own prototype is null): objects from structuredClone or a vm are JSON too.
  return prototype === null || (Object.getPrototypeOf(prototype) === null && Object.prototype.toString.call(value) === '[object Object]');
}

/** json-logic-js: an object with exactly one key is an operation; other objects are data. */
function isOperation(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && Object.keys(value).length === 1;
}
