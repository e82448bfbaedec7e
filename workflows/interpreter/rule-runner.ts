import { compile, explain, ruleVars, truthy, type CompiledRule, type TraceNode } from '../rules-port';
import type { RuleExplanation } from './interpreter.types';

function readPath(data: unknown, path: string): unknown {
  let current = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Inputs are kept as they were: later actions change the working context. */
const snapshot = (value: unknown): unknown => (typeof value === 'object' && value !== null ? JSON.parse(JSON.stringify(value)) : value);

/** The rule engine's full trace of an audited decision, rebuilt from the inputs the audit kept. */
export function explainDecision(explanation: RuleExplanation, now: Date | string): { value: unknown; trace: TraceNode } {
  const data: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(explanation.inputs)) {
    const keys = path.split('.');
    let node = data;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1]] ??= value;
  }
  return explain(explanation.rule, data, { now });
}

/**
 * Evaluates route rules at one instant. Rules are compiled once per rule object (a route version is
 * parsed once and interpreted many times), so repeated evaluation skips the engine's hashing.
 */
export class RuleRunner {
  private static readonly compiled = new WeakMap<object, CompiledRule>();
  private readonly options: { now: string };

  constructor(now: Date) {
    this.options = { now: now.toISOString() };
  }

  value(rule: unknown, data: unknown): unknown {
    // A JSONLogic primitive is its own value; it needs no trip through the engine.
    if (typeof rule !== 'object' || rule === null) return rule;
    return RuleRunner.compiledOf(rule)(data, this.options);
  }

  holds(rule: unknown, data: unknown): boolean {
    return truthy(this.value(rule, data));
  }

  /** The value, or the engine's error as text: for checks that report rather than fail. */
  attempt(rule: unknown, data: unknown): { value?: unknown; error?: string } {
    try {
      return { value: this.value(rule, data) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }

  /**
   * What an audit line keeps about a decision: the rule, its value and every input it read. That is
   * enough to rebuild the engine's full trace on demand (`explainDecision`) without paying for a trace
   * on every step of every request.
   */
  explain(rule: unknown, data: unknown): RuleExplanation {
    const { value, error } = this.attempt(rule, data);
    const inputs = Object.fromEntries(RuleRunner.varsOf(rule).map((path) => [path, snapshot(readPath(data, path))]));
    return error === undefined ? { rule, value, inputs } : { rule, value, inputs, error };
  }

  private static readonly vars = new WeakMap<object, string[]>();

  private static varsOf(rule: unknown): string[] {
    if (typeof rule !== 'object' || rule === null) return [];
    let vars = RuleRunner.vars.get(rule);
    if (!vars) {
      vars = ruleVars(rule);
      RuleRunner.vars.set(rule, vars);
    }
    return vars;
  }

  private static compiledOf(rule: object): CompiledRule {
    let compiled = RuleRunner.compiled.get(rule);
    if (!compiled) {
      compiled = compile(rule);
      RuleRunner.compiled.set(rule, compiled);
    }
    return compiled;
  }
}
