/** Operators that decide which arguments to evaluate: `if`/`?:`, `and`, `or`. */
import { truthy } from '../semantics';
import type { CodeGen, Compiled, OperatorDefinition } from './operator';

const MANY = Number.POSITIVE_INFINITY;

function conditional(name: string): OperatorDefinition {
  return {
    name,
    arity: [0, MANY],
    result: 'any',
    evaluate(node, data, _run, evaluate) {
      const args = node.args;
      let index = 0;
      for (; index < args.length - 1; index += 2) {
        if (truthy(evaluate(args[index], data))) return evaluate(args[index + 1], data);
      }
      return index === args.length - 1 ? evaluate(args[index], data) : null;
    },
    compile(node, gen) {
      const args = node.args;
      const branch = (index: number): Compiled => {
        if (index < args.length - 1) {
          const condition = gen.condition(args[index]);
          const then = gen.expr(args[index + 1]);
          const otherwise = branch(index + 2);
          return { js: `(${condition} ? ${then.js} : ${otherwise.js})`, boolean: then.boolean && otherwise.boolean };
        }
        return index === args.length - 1 ? gen.expr(args[index]) : { js: 'null', boolean: false };
      };
      return branch(0);
    },
  };
}

/** `and` gives the first falsy value or the last one; `or` the first truthy value or the last one. */
function junction(name: 'and' | 'or'): OperatorDefinition {
  const stopsOn = name === 'or';
  return {
    name,
    arity: [1, MANY],
    result: 'any',
    evaluate(node, data, _run, evaluate) {
      let current: unknown;
      for (const arg of node.args) {
        current = evaluate(arg, data);
        if (truthy(current) === stopsOn) return current;
      }
      return current;
    },
    compile(node, gen) {
      const parts = node.args.map((arg) => gen.expr(arg));
      if (parts.every((part) => part.boolean)) return { js: `(${parts.map((part) => part.js).join(name === 'and' ? ' && ' : ' || ')})`, boolean: true };
      return chain(parts, gen, stopsOn);
    },
  };
}

function chain(parts: Compiled[], gen: CodeGen, stopsOn: boolean): Compiled {
  const value = gen.temp();
  let js = parts[parts.length - 1].js;
  for (let index = parts.length - 2; index >= 0; index--) {
    const test = gen.truthy({ js: value, boolean: parts[index].boolean });
    js = `(${value} = ${parts[index].js}, ${stopsOn ? '' : '!'}${test} ? ${value} : ${js})`;
  }
  return { js, boolean: parts.every((part) => part.boolean) };
}

export const CONTROL_OPERATORS: OperatorDefinition[] = [conditional('if'), conditional('?:'), junction('and'), junction('or')];
