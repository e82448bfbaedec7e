import { dictionaryCode } from '../semantics';
import type { CodeGen, Compiled, Node } from './operator';

/** Lists up to this long compile to a chain of `===`; longer ones to a hoisted Set. */
const CHAIN_LIMIT = 8;

type Primitive = string | number | boolean | null;
const isPrimitive = (value: unknown): value is Primitive => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/**
 * `{"in": [x, ["a", "b"]]}` with a literal list: strict equality against each item (what
 * `indexOf` does), after turning a dictionary item into its code. Undefined for other shapes.
 */
export function compileInLiteralList(value: Compiled, container: Node, gen: CodeGen): Compiled | undefined {
  if (container.kind !== 'array') return undefined;
  const items: Primitive[] = [];
  for (const item of container.items) {
    if (item.kind !== 'literal' || !isPrimitive(item.value)) return undefined;
    items.push(item.value);
  }
  const needle = gen.temp();
  const normalise = `(${needle} = ${value.js}) !== null && typeof ${needle} === "object" && (${needle} = ${gen.constant(dictionaryCode)}(${needle}))`;
  if (items.length === 0) return { js: `(${normalise}, false)`, boolean: true };
  const test =
    items.length <= CHAIN_LIMIT
      ? items.map((item) => `${needle} === ${gen.literal(item)}`).join(' || ')
      : `${gen.constant(new Set(items))}.has(${needle})`;
  return { js: `(${normalise}, ${test})`, boolean: true };
}
