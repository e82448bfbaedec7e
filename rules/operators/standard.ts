/** The operators of json-logic-js, with its semantics (the conformance suite is the reference). */
import { checkArrayLength, checkStringLength, type RunState } from '../run-state';
import { isIn, pathSegments, readPath, truthy } from '../semantics';
import { anyType, eager, needRun, type Compiled, type OperatorDefinition } from './operator';
import { compileInLiteralList } from './in-list';

const MANY = Number.POSITIVE_INFINITY;
const numberType = () => 'number' as const;
const bool = (js: string): Compiled => ({ js: `(${js})`, boolean: true });

type Compare = (a: unknown, b: unknown) => boolean;
// JSONLogic's == and != are JavaScript's loose comparisons.
const COMPARISONS: Record<string, Compare> = {
  '==': (a, b) => a == b,
  '===': (a, b) => a === b,
  '!=': (a, b) => a != b,
  '!==': (a, b) => a !== b,
  '>': (a, b) => (a as number) > (b as number),
  '>=': (a, b) => (a as number) >= (b as number),
};

function comparison(operator: string): OperatorDefinition {
  const compare = COMPARISONS[operator];
  return eager({
    name: operator,
    arity: [2, 2],
    result: 'boolean',
    apply: (values) => compare(values[0], values[1]),
    inline: ([a, b]) => bool(`${a.js} ${operator} ${b.js}`),
  });
}

/** `<` and `<=` also take three arguments: "between", exclusive or inclusive. */
function ordering(name: string, operator: '<' | '<='): OperatorDefinition {
  const compare = operator === '<' ? (a: unknown, b: unknown) => (a as number) < (b as number) : (a: unknown, b: unknown) => (a as number) <= (b as number);
  return eager({
    name,
    arity: [2, 3],
    result: 'boolean',
    apply: (values) => (values.length < 3 ? compare(values[0], values[1]) : compare(values[0], values[1]) && compare(values[1], values[2])),
    inline(args, gen) {
      if (args.length === 2) return bool(`${args[0].js} ${operator} ${args[1].js}`);
      const [a, b, c] = [gen.temp(), gen.temp(), gen.temp()];
      return bool(`${a} = ${args[0].js}, ${b} = ${args[1].js}, ${c} = ${args[2].js}, ${a} ${operator} ${b} && ${b} ${operator} ${c}`);
    },
  });
}

const toNumber = (value: unknown) => parseFloat(value as string);

const arithmetic: OperatorDefinition[] = [
  eager({ name: '+', arity: [0, MANY], result: 'number', argType: numberType, apply: (values) => values.reduce((sum: number, value) => sum + toNumber(value), 0) }),
  eager({
    name: '*',
    arity: [1, MANY],
    result: 'number',
    argType: numberType,
    // Without a seed, as json-logic-js: a single argument comes back as it is.
    apply: (values) => values.reduce((product, value) => toNumber(product) * toNumber(value)),
  }),
  eager({
    name: '-',
    arity: [1, 2],
    result: 'number',
    argType: numberType,
    apply: (values) => (values.length < 2 ? -(values[0] as number) : (values[0] as number) - (values[1] as number)),
    inline: (args) => ({ js: args.length < 2 ? `(-(${args[0].js}))` : `(${args[0].js} - ${args[1].js})`, boolean: false }),
  }),
  eager({ name: '/', arity: [2, 2], result: 'number', argType: numberType, apply: (values) => (values[0] as number) / (values[1] as number) }),
  eager({ name: '%', arity: [2, 2], result: 'number', argType: numberType, apply: (values) => (values[0] as number) % (values[1] as number) }),
  eager({ name: 'min', arity: [1, MANY], result: 'number', argType: numberType, apply: (values) => Math.min(...(values as number[])) }),
  eager({ name: 'max', arity: [1, MANY], result: 'number', argType: numberType, apply: (values) => Math.max(...(values as number[])) }),
];

const text: OperatorDefinition[] = [
  eager({
    name: 'cat',
    arity: [0, MANY],
    result: 'string',
    needsRun: true,
    apply(values, run, path) {
      const joined = values.join('');
      checkStringLength(needRun(run), joined.length, path);
      return joined;
    },
  }),
  eager({
    name: 'substr',
    arity: [2, 3],
    result: 'string',
    argType: (index) => (index === 0 ? 'string' : 'number'),
    apply([source, start, end]) {
      if ((end as number) < 0) {
        const rest = String(source).substr(start as number);
        return rest.substr(0, rest.length + (end as number));
      }
      return String(source).substr(start as number, end as number);
    },
  }),
];

const lists: OperatorDefinition[] = [
  eager({
    name: 'in',
    arity: [2, 2],
    result: 'boolean',
    needsRun: true,
    apply([value, container], run, path) {
      if (Array.isArray(container)) checkArrayLength(needRun(run), container.length, path);
      return isIn(value, container);
    },
    inline: (args, gen, node) => compileInLiteralList(args[0], node.args[1], gen),
  }),
  eager({
    name: 'merge',
    arity: [0, MANY],
    result: 'array',
    needsRun: true,
    apply(values, run, path) {
      const merged = ([] as unknown[]).concat(...values);
      checkArrayLength(needRun(run), merged.length, path);
      return merged;
    },
  }),
  eager({ name: 'missing', arity: [0, MANY], result: 'array', needsRun: true, apply: (values, run, path, data) => missingKeys(values, needRun(run), path, data) }),
  eager({
    name: 'missing_some',
    arity: [2, 2],
    result: 'array',
    argType: (index) => (index === 0 ? 'number' : 'array'),
    needsRun: true,
    apply([needed, keys], run, path, data) {
      const missing = missingKeys([keys], needRun(run), path, data);
      const given = Array.isArray(keys) ? keys.length : 0;
      return given - missing.length >= (needed as number) ? [] : missing;
    },
  }),
];

/** Keys (one list, or the arguments themselves) whose value is absent, null or ''. */
function missingKeys(values: unknown[], run: RunState, path: string, data: unknown): unknown[] {
  const keys = Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
  checkArrayLength(run, keys.length, path);
  return keys.filter((key) => {
    const value = readPath(data, pathSegments(key), null);
    return value === null || value === '';
  });
}

const logic: OperatorDefinition[] = [
  comparison('=='),
  comparison('==='),
  comparison('!='),
  comparison('!=='),
  comparison('>'),
  comparison('>='),
  ordering('<', '<'),
  ordering('<=', '<='),
  eager({ name: '!!', arity: [1, 1], result: 'boolean', apply: (values) => truthy(values[0]), inline: ([a], gen) => bool(gen.truthy(a)) }),
  eager({ name: '!', arity: [1, 1], result: 'boolean', apply: (values) => !truthy(values[0]), inline: ([a], gen) => bool(`!${gen.truthy(a)}`) }),
  // Docket keeps rules free of side effects: `log` returns its argument without printing it.
  eager({ name: 'log', arity: [1, 1], result: 'any', argType: anyType, apply: (values) => values[0], inline: ([a]) => a }),
];

export const STANDARD_OPERATORS: OperatorDefinition[] = [...logic, ...arithmetic, ...text, ...lists];
