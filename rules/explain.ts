import { interpret } from './interpreter';
import type { Node } from './operators/operator';
import type { ParsedRule } from './parse';
import type { EvaluationOptions, RuleLimits, TraceNode } from './types';

const operatorOf = (node: Node) => (node.kind === 'operator' ? node.name : node.kind === 'array' ? 'array' : 'value');

/**
 * Evaluates with a trace of every sub-expression and its value (literals included, so a trace reads
 * on its own: `== [client.category → "BIS", "BIS"] → true`). Iteration bodies appear once per item.
 */
export function explainParsed(parsed: ParsedRule, data: unknown, options: EvaluationOptions | undefined, limits: RuleLimits): { value: unknown; trace: TraceNode } {
  const root: TraceNode = { path: '', operator: 'rule', value: undefined, children: [] };
  const stack: TraceNode[] = [root];
  const value = interpret(parsed, data, options, limits, {
    enter(node) {
      const trace: TraceNode = { path: node.path, operator: operatorOf(node), value: undefined, children: [] };
      stack[stack.length - 1].children.push(trace);
      stack.push(trace);
    },
    leave(_node, result) {
      (stack.pop() as TraceNode).value = result;
    },
  });
  return { value, trace: root.children[0] };
}
