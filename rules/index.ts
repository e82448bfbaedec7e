/**
 * Docket's rule engine: JSONLogic (json-logic-js semantics) plus Docket operators, interpreted or
 * compiled, validated against a context schema, explained, and bounded. See rules/README.md.
 */
import { compileRule } from './compiler';
import { asRuleError } from './errors';
import { explainParsed } from './explain';
import { interpret } from './interpreter';
import { OPERATORS } from './operators/registry';
import { parseRule } from './parse';
import { readsOf } from './rule-vars';
import { runTests } from './rule-tests';
import { resolveLimits } from './run-state';
import type { CompiledRule, CompileOptions, ContextSchema, EvaluationOptions, Rule, RuleIssue, RuleOutcome, RuleTest, RuleTestResult, TraceNode } from './types';
import { validate } from './validate';

export type {
  BusinessCalendar,
  CompiledRule,
  CompileOptions,
  ContextField,
  ContextSchema,
  ContextType,
  DictionaryHierarchy,
  EvaluationOptions,
  Rule,
  RuleIssue,
  RuleLimits,
  RuleOutcome,
  RuleTest,
  RuleTestResult,
  TraceNode,
} from './types';
export { RuleError } from './errors';
export { DEFAULT_LIMITS } from './run-state';
export { truthy } from './semantics';
export * from './calendar';

/** Names of every operator a rule may use. */
export const OPERATOR_NAMES: readonly string[] = [...OPERATORS.keys()];

/** Interprets a rule (json-logic-js semantics + Docket operators); throws RuleError. */
export function evaluate(rule: Rule, data: unknown, options?: EvaluationOptions): unknown {
  const limits = resolveLimits(options?.limits);
  return interpret(parseRule(rule, limits), data, options, limits);
}

/** Compiles a rule into a function, cached by a hash of the rule and the limits; throws RuleError. */
export function compile(rule: Rule, options?: CompileOptions): CompiledRule {
  return compileRule(rule, options);
}

/** Evaluates (compiled) and reports any failure as an outcome instead of throwing. */
export function safeEvaluate(rule: Rule, data: unknown, options?: EvaluationOptions): RuleOutcome {
  try {
    return { ok: true, value: compileRule(rule, { limits: options?.limits })(data, options) };
  } catch (error) {
    const failure = asRuleError(error);
    return { ok: false, error: { code: failure.code, message: failure.message, path: failure.path } };
  }
}

export function validateRule(rule: Rule, schema?: ContextSchema): { errors: RuleIssue[]; warnings: RuleIssue[] } {
  return validate(rule, schema);
}

export function explain(rule: Rule, data: unknown, options?: EvaluationOptions): { value: unknown; trace: TraceNode } {
  const limits = resolveLimits(options?.limits);
  return explainParsed(parseRule(rule, limits), data, options, limits);
}

export function runRuleTests(rule: Rule, tests: RuleTest[], options?: EvaluationOptions): RuleTestResult[] {
  return runTests(compileRule(rule, { limits: options?.limits }), tests, options);
}

/** Every context path the rule reads (statically), e.g. ['client.category', 'request.attributes.CITY']. */
export function ruleVars(rule: Rule): string[] {
  return readsOf(parseRule(rule, resolveLimits()).root);
}

/** Why a regular expression written by an administrator is refused (undefined when it is safe to run). */
export { unsafeRegexReason } from './regex-safety';
