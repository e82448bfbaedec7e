/**
 * Compilation to JavaScript. The code is generated from the checked tree (parse.ts) by the operator
 * table; a rule's own values reach it only as JSON-serialised primitives, JSON-serialised paths, or
 * references to hoisted constants, so rule text can never become code. Limits stay on: size and depth
 * are checked when parsing, iteration length and steps by the shared loops at run time.
 */
import { createHash } from 'node:crypto';
import { asRuleError } from './errors';
import type { CodeGen, Compiled, Node } from './operators/operator';
import { parseRule, type ParsedRule } from './parse';
import { createRun, limitsKey, resolveLimits } from './run-state';
import { truthy } from './semantics';
import type { CompiledRule, CompileOptions, EvaluationOptions, RuleLimits } from './types';

interface Scope {
  data: string;
  temps: string[];
}

class Generator implements CodeGen {
  readonly constants: unknown[] = [];
  usesRun = false;
  private readonly scopes: Scope[] = [{ data: 'd0', temps: [] }];
  private tempCount = 0;
  private scopeCount = 0;

  get data(): string {
    return this.scope.data;
  }

  private get scope(): Scope {
    return this.scopes[this.scopes.length - 1];
  }

  expr(node: Node): Compiled {
    if (node.kind === 'array') return { js: `[${node.items.map((item) => this.expr(item).js).join(', ')}]`, boolean: false };
    if (node.kind === 'operator') return node.definition.compile(node, this);
    const value = node.value;
    if (value === null || typeof value !== 'object') return { js: this.literal(value as string | number | boolean | null), boolean: typeof value === 'boolean' };
    return { js: this.constant(value), boolean: false };
  }

  condition(node: Node): string {
    return this.truthy(this.expr(node));
  }

  truthy(compiled: Compiled): string {
    return compiled.boolean ? compiled.js : `${this.constant(truthy)}(${compiled.js})`;
  }

  temp(): string {
    const name = `t${this.tempCount++}`;
    this.scope.temps.push(name);
    return name;
  }

  constant(value: unknown): string {
    let index = this.constants.indexOf(value);
    if (index === -1) index = this.constants.push(value) - 1;
    return `k${index}`;
  }

  literal(value: string | number | boolean | null): string {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error('only finite numbers are literals');
      return Object.is(value, -0) ? '-0' : JSON.stringify(value);
    }
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
    throw new Error(`not a literal: ${typeof value}`);
  }

  run(): string {
    this.usesRun = true;
    return 'r';
  }

  path(node: Node): string {
    return JSON.stringify(node.path);
  }

  body(node: Node): string {
    const scope: Scope = { data: `d${++this.scopeCount}`, temps: [] };
    this.scopes.push(scope);
    const js = this.expr(node).js;
    this.scopes.pop();
    return scope.temps.length ? `((${scope.data}) => { let ${scope.temps.join(', ')}; return ${js}; })` : `((${scope.data}) => ${js})`;
  }

  /** Source of a factory `(K, M) => rule` where K are the constants and M makes the run state. */
  program(parsed: ParsedRule): string {
    const js = this.expr(parsed.root).js;
    const temps = this.scopes[0].temps;
    const constants = this.constants.map((_, index) => `k${index} = K[${index}]`);
    return [
      '"use strict";',
      constants.length ? `const ${constants.join(', ')};` : '',
      'return function rule(d0, o) {',
      this.usesRun ? '  const r = M(o, d0);' : '',
      temps.length ? `  let ${temps.join(', ')};` : '',
      `  try { return ${js}; } catch (error) { throw W(error); }`,
      '};',
    ].join('\n');
  }
}

type Factory = (K: unknown[], M: (options: EvaluationOptions | undefined, root: unknown) => unknown, W: (error: unknown) => Error) => CompiledRule;

function generate(parsed: ParsedRule, limits: RuleLimits): CompiledRule {
  const generator = new Generator();
  const source = generator.program(parsed);
  const factory = new Function('K', 'M', 'W', source) as Factory;
  return factory(generator.constants, (options, root) => createRun(options, limits, parsed.nodeCount, root), (error) => asRuleError(error));
}

const CACHE_SIZE = 5_000;
/** Compiled rules by hash of canonical rule text and limits, least recently used dropped first. */
const byHash = new Map<string, CompiledRule>();
/** The same rule object compiled again skips parsing (rules are treated as immutable values). */
const byObject = new WeakMap<object, Map<string, CompiledRule>>();

export function compileRule(rule: unknown, options?: CompileOptions): CompiledRule {
  const limits = resolveLimits(options?.limits);
  const limitKey = limitsKey(limits);
  const isObject = rule !== null && typeof rule === 'object';
  const known = isObject ? byObject.get(rule)?.get(limitKey) : undefined;
  if (known) return known;
  const parsed = parseRule(rule, limits);
  const hash = createHash('sha256').update(`${limitKey}\n${parsed.key}`).digest('base64');
  let compiled = byHash.get(hash);
  if (compiled) byHash.delete(hash);
  else compiled = generate(parsed, limits);
  byHash.set(hash, compiled);
  if (byHash.size > CACHE_SIZE) byHash.delete(byHash.keys().next().value as string);
  if (isObject) {
    const perLimits = byObject.get(rule) ?? new Map<string, CompiledRule>();
    perLimits.set(limitKey, compiled);
    byObject.set(rule, perLimits);
  }
  return compiled;
}

/** The generated source of a rule, for inspection and tests. */
export function compiledSource(rule: unknown, options?: CompileOptions): string {
  return new Generator().program(parseRule(rule, resolveLimits(options?.limits)));
}
