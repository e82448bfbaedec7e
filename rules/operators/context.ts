/** Reading the context: `var` (safe navigation), `attr`, group and role membership, dictionaries. */
import { RuleError } from '../errors';
import { checkArrayLength, type RunState } from '../run-state';
import { dictionaryCode, isIn, isPlainRecord, isPrototypeName, pathSegments, readDynamicPath, readOwn, readPath } from '../semantics';
import { eager, needRun, type CodeGen, type Compiled, type Node, type OperatorDefinition, type OperatorNode } from './operator';

/** A path known when the rule is saved; `segments` null reads the whole data. */
interface StaticPath {
  segments: string[] | null;
  fallback: Node | undefined;
}

const MISSING = Symbol('missing');

function evaluatePath(path: StaticPath, data: unknown, evaluateFallback: (node: Node) => unknown): unknown {
  const found = readPath(data, path.segments, MISSING);
  if (found !== MISSING) return found;
  const fallback = path.fallback === undefined ? undefined : evaluateFallback(path.fallback);
  return fallback === undefined ? null : fallback;
}

/** json-logic-js `var` as straight-line code: a missing step gives the fallback, a final null stays null. */
function compilePath(path: StaticPath, gen: CodeGen): Compiled {
  if (path.segments === null) return { js: gen.data, boolean: false };
  const value = gen.temp();
  const steps = [`(${value} = ${gen.data}) == null`];
  path.segments.forEach((segment, index) => {
    const read = isPrototypeName(segment) ? `${gen.constant(readOwn)}(${value}, ${gen.literal(segment)})` : `${value}[${gen.literal(segment)}]`;
    steps.push(index < path.segments!.length - 1 ? `(${value} = ${read}) == null` : `(${value} = ${read}) === undefined`);
  });
  return { js: `(${steps.join(' || ')} ? ${compileFallback(path.fallback, gen)} : ${value})`, boolean: false };
}

function compileFallback(fallback: Node | undefined, gen: CodeGen): string {
  if (fallback === undefined) return 'null';
  const compiled = gen.expr(fallback);
  if (fallback.kind === 'literal') return compiled.js;
  const value = gen.temp();
  return `((${value} = ${compiled.js}) === undefined ? null : ${value})`;
}

const staticPathOf = (node: OperatorNode) => node.prepared as StaticPath | undefined;

const variable: OperatorDefinition = {
  name: 'var',
  arity: [0, 2],
  result: 'any',
  prepare(node) {
    const [path, fallback] = node.args;
    if (path === undefined || path.kind === 'literal') node.prepared = { segments: pathSegments(path?.value), fallback } satisfies StaticPath;
  },
  reads: (node) => {
    const path = staticPathOf(node);
    return path?.segments ? [path.segments.join('.')] : [];
  },
  evaluate(node, data, _run, evaluate) {
    const path = staticPathOf(node);
    if (path) return evaluatePath(path, data, (fallback) => evaluate(fallback, data));
    const [dynamic, fallback] = node.args;
    return readDynamicPath(data, evaluate(dynamic, data), fallback === undefined ? undefined : evaluate(fallback, data));
  },
  compile(node, gen) {
    const path = staticPathOf(node);
    if (path) return compilePath(path, gen);
    const [dynamic, fallback] = node.args.map((arg) => gen.expr(arg).js);
    return { js: `${gen.constant(readDynamicPath)}(${gen.data}, ${dynamic}, ${fallback ?? 'undefined'})`, boolean: false };
  },
};

/** `{"attr": "CODE"}` reads `request.attributes.CODE`; a second argument is the fallback. */
const attribute: OperatorDefinition = {
  name: 'attr',
  arity: [1, 2],
  result: 'any',
  prepare(node, context) {
    const [code, fallback] = node.args;
    if (code.kind !== 'literal' || typeof code.value !== 'string' || !code.value || code.value.includes('.')) {
      context.report(code.path, 'attr takes an attribute code as a literal text without dots', 'write {"attr": "TERMINATION_DATE"}');
      return;
    }
    node.prepared = { segments: ['request', 'attributes', code.value], fallback } satisfies StaticPath;
  },
  reads: (node) => [staticPathOf(node)?.segments?.join('.') ?? 'request.attributes'],
  evaluate: (node, data, _run, evaluate) => evaluatePath(staticPathOf(node)!, data, (fallback) => evaluate(fallback, data)),
  compile: (node, gen) => compilePath(staticPathOf(node)!, gen),
};

/** `{"user.in_group": ["L2", "L3"]}`: the user of the context belongs to any of the groups. */
function membership(name: string, list: string): OperatorDefinition {
  const segments = list.split('.');
  return eager({
    name,
    arity: [1, Number.POSITIVE_INFINITY],
    result: 'boolean',
    argType: () => 'string',
    reads: () => [list],
    apply(values, _run, _path, data) {
      const held = readPath(data, segments, null);
      if (!Array.isArray(held)) return false;
      return values.flat().some((value) => held.includes(dictionaryCode(value)));
    },
  });
}

/** Child → parent codes, from a `{child: parent}` record or a list of `{code, parent}` items. */
function parentsOf(hierarchy: unknown): ((code: unknown) => unknown) | undefined {
  if (Array.isArray(hierarchy)) {
    const parents = new Map<unknown, unknown>();
    for (const item of hierarchy) if (isPlainRecord(item)) parents.set(item.code, item.parent ?? null);
    return (code) => parents.get(code);
  }
  if (isPlainRecord(hierarchy)) return (code) => (typeof code === 'string' && Object.hasOwn(hierarchy, code) ? hierarchy[code] : undefined);
  return undefined;
}

/** A hierarchy given by name in `options.dictionaries`. */
function namedDictionary(name: string, run: RunState, path: string): unknown {
  if (!run.dictionaries || !Object.hasOwn(run.dictionaries, name)) throw new RuleError('rule_unknown_dictionary', `No dictionary named '${name}' was given`, path);
  return run.dictionaries[name];
}

const dictionaries: OperatorDefinition[] = [
  eager({
    name: 'in_tree',
    arity: [3, 3],
    result: 'boolean',
    needsRun: true,
    apply([value, ancestor, given], run, path) {
      const hierarchy = typeof given === 'string' ? namedDictionary(given, needRun(run), path) : given;
      const parentOf = parentsOf(hierarchy);
      if (!parentOf) return false;
      const size = Array.isArray(hierarchy) ? hierarchy.length : Object.keys(hierarchy as object).length;
      checkArrayLength(needRun(run), size, path);
      const target = dictionaryCode(ancestor);
      const isUnder = (start: unknown) => {
        let code = dictionaryCode(start);
        // A hierarchy has at most `size` levels; walking further means it has a cycle.
        for (let level = 0; level <= size && code !== undefined && code !== null; level++) {
          if (code === target) return true;
          code = parentOf(code);
        }
        return false;
      };
      return Array.isArray(value) ? value.some(isUnder) : isUnder(value);
    },
  }),
  eager({
    name: 'any_in',
    arity: [2, 2],
    result: 'boolean',
    argType: (index) => (index === 0 ? 'array' : 'any'),
    needsRun: true,
    apply([values, container], run, path) {
      const list = Array.isArray(values) ? values : [values];
      checkArrayLength(needRun(run), list.length * (Array.isArray(container) ? Math.max(container.length, 1) : 1), path);
      return list.some((value) => isIn(value, container));
    },
  }),
];

export const CONTEXT_OPERATORS: OperatorDefinition[] = [variable, attribute, membership('user.in_group', 'user.groups'), membership('user.has_role', 'user.roles'), ...dictionaries];
