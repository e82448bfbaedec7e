/**
 * Operators that run a body over an array: map, filter, reduce, all, none, some. The input length is
 * bounded, and every pass of the body costs the body's size in evaluation steps, in the interpreter
 * and in compiled code alike (both call the loops below).
 */
import { chargeSteps, checkArrayLength, type RunState } from '../run-state';
import { truthy } from '../semantics';
import { sizeOf, type OperatorDefinition } from './operator';

type Body = (item: unknown) => unknown;
type Loop = (source: unknown, body: Body, run: RunState, cost: number, path: string, initial?: unknown) => unknown;

function items(source: unknown, run: RunState, path: string): unknown[] | undefined {
  if (!Array.isArray(source)) return undefined;
  checkArrayLength(run, source.length, path);
  return source;
}

const map: Loop = (source, body, run, cost, path) => {
  const list = items(source, run, path);
  if (!list) return [];
  const result: unknown[] = [];
  for (const item of list) {
    chargeSteps(run, cost, path);
    result.push(body(item));
  }
  return result;
};

const filter: Loop = (source, body, run, cost, path) => {
  const list = items(source, run, path);
  if (!list) return [];
  return list.filter((item) => {
    chargeSteps(run, cost, path);
    return truthy(body(item));
  });
};

const reduce: Loop = (source, body, run, cost, path, initial) => {
  const list = items(source, run, path);
  if (!list) return initial;
  let accumulator = initial;
  for (const current of list) {
    chargeSteps(run, cost, path);
    accumulator = body({ current, accumulator });
  }
  return accumulator;
};

/** `all` is false on an empty list, `none` true, `some` false; each stops at the first decisive item. */
function quantifier(stopWhen: boolean, onStop: boolean): Loop {
  return (source, body, run, cost, path) => {
    const list = items(source, run, path);
    if (!list || list.length === 0) return !onStop && stopWhen;
    for (const item of list) {
      chargeSteps(run, cost, path);
      if (truthy(body(item)) === stopWhen) return onStop;
    }
    return !onStop;
  };
}

function iteration(name: string, loop: Loop, result: OperatorDefinition['result']): OperatorDefinition {
  const withInitial = name === 'reduce';
  return {
    name,
    arity: withInitial ? [2, 3] : [2, 2],
    result,
    argType: (index) => (index === 0 ? 'array' : 'any'),
    scopedArgs: [1],
    evaluate(node, data, run, evaluate) {
      const [source, body, initial] = node.args;
      const list = evaluate(source, data);
      const start = initial === undefined ? null : evaluate(initial, data);
      return loop(list, (item) => evaluate(body, item), run, sizeOf(body), node.path, start);
    },
    compile(node, gen) {
      const [source, body, initial] = node.args;
      const start = withInitial ? `, ${initial === undefined ? 'null' : gen.expr(initial).js}` : '';
      const call = `${gen.constant(loop)}(${gen.expr(source).js}, ${gen.body(body)}, ${gen.run()}, ${sizeOf(body)}, ${gen.path(node)}${start})`;
      return { js: call, boolean: result === 'boolean' };
    },
  };
}

export const ITERATION_OPERATORS: OperatorDefinition[] = [
  iteration('map', map, 'array'),
  iteration('filter', filter, 'array'),
  iteration('reduce', reduce, 'any'),
  iteration('all', quantifier(false, false), 'boolean'),
  iteration('none', quantifier(true, false), 'boolean'),
  iteration('some', quantifier(true, true), 'boolean'),
];
