/** Tree-walking evaluation: the reference semantics, also used by `explain` to trace sub-expressions. */
import { asRuleError } from './errors';
import type { Evaluate, Node } from './operators/operator';
import type { ParsedRule } from './parse';
import { createRun } from './run-state';
import type { EvaluationOptions, RuleLimits } from './types';

/** Sees every node evaluation, children inside their parent (used to build explanation traces). */
export interface EvaluationObserver {
  enter(node: Node): void;
  leave(node: Node, value: unknown): void;
}

export function interpret(parsed: ParsedRule, data: unknown, options: EvaluationOptions | undefined, limits: RuleLimits, observer?: EvaluationObserver): unknown {
  const run = createRun(options, limits, parsed.nodeCount, data);
  const evaluateNode: Evaluate = (node, scope) => {
    if (node.kind === 'literal') return node.value;
    if (node.kind === 'array') return node.items.map((item) => evaluate(item, scope));
    return node.definition.evaluate(node, scope, run, evaluate);
  };
  const evaluate: Evaluate = observer
    ? (node, scope) => {
        observer.enter(node);
        const value = evaluateNode(node, scope);
        observer.leave(node, value);
        return value;
      }
    : evaluateNode;
  try {
    return evaluate(parsed.root, data);
  } catch (error) {
    throw asRuleError(error);
  }
}
