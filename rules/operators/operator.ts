import { asRuleError } from '../errors';
import type { RunState } from '../run-state';
import type { ContextType, RuleLimits } from '../types';

export type Node = LiteralNode | ArrayNode | OperatorNode;

export interface LiteralNode {
  readonly kind: 'literal';
  readonly value: unknown;
  readonly path: string;
}

export interface ArrayNode {
  readonly kind: 'array';
  readonly items: Node[];
  readonly path: string;
}

export interface OperatorNode {
  readonly kind: 'operator';
  readonly name: string;
  readonly definition: OperatorDefinition;
  readonly args: Node[];
  readonly path: string;
  /** Nodes in this subtree, the step cost of evaluating it once. */
  readonly size: number;
  /** What `prepare` worked out once from literal arguments (a var path, a regular expression…). */
  prepared?: unknown;
}

/** Evaluates a child node against the data of its scope (the interpreter, or the tracer of `explain`). */
export type Evaluate = (node: Node, data: unknown) => unknown;

/** A JavaScript expression; `boolean` when it always yields a boolean (so truthiness needs no helper). */
export interface Compiled {
  readonly js: string;
  readonly boolean: boolean;
}

/**
 * What an operator may emit into generated code. Everything that comes from the rule reaches the
 * code only through `literal` (JSON-serialised primitives), `constant` (a hoisted value referenced by
 * index) or `path` (a JSON-serialised location), so no rule text is ever code.
 */
export interface CodeGen {
  /** JavaScript name of the data of the current scope. */
  readonly data: string;
  expr(node: Node): Compiled;
  /** The node as a JavaScript boolean, with JSONLogic truthiness. */
  condition(node: Node): string;
  truthy(compiled: Compiled): string;
  temp(): string;
  constant(value: unknown): string;
  literal(value: string | number | boolean | null): string;
  /** The RunState variable (its use makes the compiled rule create one per call). */
  run(): string;
  path(node: Node): string;
  /** A function `(item) => value` evaluating `node` with the item as its data. */
  body(node: Node): string;
}

export interface StaticContext {
  readonly limits: RuleLimits;
  report(path: string, message: string, hint?: string): void;
}

/** One operator: arity, types, static preparation, interpretation and compilation together. */
export interface OperatorDefinition {
  readonly name: string;
  readonly arity: readonly [number, number];
  readonly result: ContextType;
  /** The type an argument should have (for type warnings); `any` when it does not matter. */
  argType?(index: number, argCount: number): ContextType;
  /** Arguments evaluated with another data (iteration bodies): their `var`s are not context paths. */
  readonly scopedArgs?: readonly number[];
  prepare?(node: OperatorNode, context: StaticContext): void;
  /** Context paths the node reads besides its arguments' own reads. */
  reads?(node: OperatorNode): string[];
  evaluate(node: OperatorNode, data: unknown, run: RunState, evaluate: Evaluate): unknown;
  compile(node: OperatorNode, gen: CodeGen): Compiled;
}

/** Applies an operator to its evaluated arguments; `run` is given only to operators that declare `needsRun`. */
export type Apply = (values: unknown[], run: RunState | undefined, path: string, data: unknown) => unknown;

export interface EagerSpec {
  name: string;
  arity: readonly [number, number];
  result: ContextType;
  argType?: OperatorDefinition['argType'];
  prepare?: OperatorDefinition['prepare'];
  reads?: OperatorDefinition['reads'];
  needsRun?: boolean;
  apply: Apply;
  /** Faster code for some argument shapes; the generic helper call otherwise. */
  inline?(args: Compiled[], gen: CodeGen, node: OperatorNode): Compiled | undefined;
}

/** An operator that evaluates all its arguments first; compiled code calls the same `apply`. */
export function eager(spec: EagerSpec): OperatorDefinition {
  const { inline, needsRun } = spec;
  // A failure that is not a RuleError (only non-JSON data causes one) is located at the operator when
  // it happens inside `apply`; inlined operators fail like their compiled code, located at the rule.
  const apply: Apply = inline
    ? spec.apply
    : (values, run, path, data) => {
        try {
          return spec.apply(values, run, path, data);
        } catch (error) {
          throw asRuleError(error, path);
        }
      };
  return {
    name: spec.name,
    arity: spec.arity,
    result: spec.result,
    argType: spec.argType,
    prepare: spec.prepare,
    reads: spec.reads,
    evaluate: (node, data, run, evaluate) =>
      apply(
        node.args.map((arg) => evaluate(arg, data)),
        run,
        node.path,
        data,
      ),
    compile(node, gen) {
      const args = node.args.map((arg) => gen.expr(arg));
      const fast = inline?.(args, gen, node);
      if (fast) return fast;
      const js = `${gen.constant(apply)}([${args.map((arg) => arg.js).join(', ')}], ${needsRun ? gen.run() : 'undefined'}, ${gen.path(node)}, ${gen.data})`;
      return { js, boolean: spec.result === 'boolean' };
    },
  };
}

export function needRun(run: RunState | undefined): RunState {
  if (!run) throw new Error('operator declared without needsRun reached for the run state');
  return run;
}

export const anyType = (): ContextType => 'any';

/** Nodes in a subtree: the step cost of evaluating it once. */
export function sizeOf(node: Node): number {
  if (node.kind === 'operator') return node.size;
  if (node.kind === 'array') return node.items.reduce((sum, item) => sum + sizeOf(item), 1);
  return 1;
}
