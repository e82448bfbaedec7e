/** Public shapes of the rule engine (see rules/README.md). */

/** A JSONLogic rule as parsed JSON. */
export type Rule = unknown;

/** Working time of a team: which weekdays and hours count, and which dates are off. */
export interface BusinessCalendar {
  /** IANA time zone the hours and dates are written in; UTC when absent. */
  timeZone?: string;
  /** ISO weekdays that are working days, 1 = Monday … 7 = Sunday; Monday to Friday when absent. */
  workingDays?: number[];
  /** Working hours of a working day as 'HH:MM'; the whole day when absent. */
  hours?: { start: string; end: string };
  /** Dates ('YYYY-MM-DD') that are not working days although their weekday is. */
  holidays?: string[];
  /** Dates ('YYYY-MM-DD') that are working days although their weekday is not (moved working days). */
  extraWorkingDays?: string[];
}

/** Bounds that keep any stored rule from hanging or exhausting the server. */
export interface RuleLimits {
  /** Deepest nesting of operators and arrays. */
  maxDepth: number;
  /** Most nodes (operators, literals, array items) in one rule. */
  maxNodes: number;
  /** Longest array an operator may take as input or produce. */
  maxArrayLength: number;
  /** Longest string `cat` may produce. */
  maxStringLength: number;
  /** Longest text a regular expression may be run on. */
  maxRegexInputLength: number;
  /** Evaluation budget: every node costs one step, each pass of an iteration body costs the body's size. */
  maxSteps: number;
}

export interface EvaluationOptions {
  /** The current instant; rules never read the clock. Falls back to `data.now`. */
  now?: Date | string;
  calendars?: Record<string, BusinessCalendar>;
  /** Hierarchical dictionaries `in_tree` may name: `{child: parent}` or `[{code, parent}]`. */
  dictionaries?: Record<string, DictionaryHierarchy>;
  limits?: Partial<RuleLimits>;
}

export type DictionaryHierarchy = Record<string, string | null> | Array<{ code: string; parent?: string | null }>;

export interface CompileOptions {
  limits?: Partial<RuleLimits>;
}

/** A compiled rule; it uses the limits given to `compile` (call-time `options.limits` are ignored). */
export interface CompiledRule {
  (data: unknown, options?: EvaluationOptions): unknown;
}

export type RuleOutcome = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; path: string } };

export type ContextType = 'string' | 'number' | 'boolean' | 'date' | 'datetime' | 'array' | 'object' | 'any';

export interface ContextField {
  type: ContextType;
  dictionary?: string;
  description?: string;
}

/** Dotted paths, e.g. 'request.attributes.TERMINATION_DATE', 'client.category', 'user.login'. */
export type ContextSchema = Record<string, ContextField>;

/** `path` points into the rule, e.g. '/and/1/==/0/var'. */
export interface RuleIssue {
  path: string;
  message: string;
  hint?: string;
}

export interface TraceNode {
  path: string;
  operator: string;
  value: unknown;
  children: TraceNode[];
}

export interface RuleTest {
  name?: string;
  context: unknown;
  now?: string;
  expected: unknown;
}

export interface RuleTestResult {
  name?: string;
  passed: boolean;
  actual: unknown;
  expected: unknown;
  error?: string;
}
