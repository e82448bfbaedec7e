import fc from 'fast-check';
import { compile, evaluate, RuleError } from './index';

/** Generated rules over generated data: compiled and interpreted results (or errors) are identical. */
const PATHS = ['a', 'b', 'c.d', 'c', 'list', 'text', 'missing.path', 'user.groups', 'when'];
const TREE = { NW: 'RU', SPB: 'NW', PSK: 'NW', RU: null };

const scalar = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('', 'x', 'NW', 'SPB', 'ab c', '2026-03-01', '3'), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }));

const data = fc.record({
  a: fc.oneof(scalar, fc.array(scalar, { maxLength: 4 })),
  b: scalar,
  c: fc.oneof(fc.record({ d: scalar }), scalar),
  list: fc.array(fc.oneof(scalar, fc.record({ d: scalar })), { maxLength: 5 }),
  text: fc.string({ maxLength: 8 }),
  request: fc.record({ attributes: fc.record({ A: scalar }) }),
  user: fc.record({ groups: fc.array(fc.constantFrom('L1', 'L2', 'NW'), { maxLength: 3 }) }),
  when: fc.constantFrom('2026-03-01T10:00:00Z', '2026-02-28', 'soon', null),
});

const { rule } = fc.letrec<{ rule: unknown; leaf: unknown }>((tie) => {
  const child = tie('rule');
  const args = (min: number, max: number) => fc.array(child, { minLength: min, maxLength: max });
  const op = (name: string, min: number, max: number) => args(min, max).map((list) => ({ [name]: list }));
  return {
    leaf: fc.oneof(scalar, fc.constantFrom(...PATHS).map((path) => ({ var: path })), fc.tuple(fc.constantFrom(...PATHS), scalar).map(([path, fallback]) => ({ var: [path, fallback] }))),
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie('leaf'),
      ...['==', '===', '!=', '!==', '>', '>=', '%', '/', 'before', 'after', 'starts_with', 'any_in'].map((name) => op(name, 2, 2)),
      ...['<', '<='].map((name) => op(name, 2, 3)),
      ...['!', '!!', 'lower', 'upper', 'trim', 'length', 'date'].map((name) => op(name, 1, 1)),
      ...['and', 'or', '+', '*', 'min', 'max'].map((name) => op(name, 1, 4)),
      ...['if', 'cat', 'merge', 'missing'].map((name) => op(name, 0, 4)),
      op('-', 1, 2),
      op('?:', 3, 3),
      child.map((path) => ({ var: path })),
      fc.constantFrom('A', 'B').map((code) => ({ attr: code })),
      op('substr', 2, 3),
      op('in', 2, 2),
      fc.tuple(child, fc.array(scalar, { maxLength: 10 })).map(([value, list]) => ({ in: [value, list] })),
      fc.tuple(child, fc.constantFrom('^a', 'b$', '\\d+', '^[A-Z]{2}$')).map(([value, pattern]) => ({ match: [value, pattern, 'i'] })),
      fc.tuple(child, fc.constantFrom('PT4H', 'P1M', '-P2D')).map(([value, duration]) => ({ date_add: [value, duration] })),
      fc.tuple(child, child).map(([a, b]) => ({ date_diff: [a, b, 'hours'] })),
      fc.tuple(child, child).map(([value, node]) => ({ in_tree: [value, node, TREE] })),
      fc.tuple(fc.integer({ min: 0, max: 3 }), fc.array(fc.constantFrom(...PATHS), { maxLength: 3 })).map(([count, keys]) => ({ missing_some: [count, keys] })),
      fc.constantFrom('L2', 'NW').map((group) => ({ 'user.in_group': group })),
      ...['map', 'filter', 'all', 'some', 'none'].map((name) => fc.tuple(child, child).map(([source, body]) => ({ [name]: [source, body] }))),
      fc.tuple(child, child, child).map(([source, body, initial]) => ({ reduce: [source, body, initial] })),
    ),
  };
});

type Outcome = { value: unknown } | { error: string; path: string };
function outcome(attempt: () => unknown): Outcome {
  try {
    return { value: attempt() };
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    return { error: error.code, path: error.path };
  }
}

describe('compiled rules behave exactly as interpreted ones', () => {
  it('on generated rules and data', () => {
    fc.assert(
      fc.property(rule, data, (generated, context) => {
        const options = { now: '2026-03-02T00:00:00Z' };
        const interpreted = outcome(() => evaluate(generated, context, options));
        const compiled = outcome(() => compile(generated)(context, options));
        expect(compiled).toEqual(interpreted);
      }),
      { numRuns: Number(process.env.RULES_PROPERTY_RUNS ?? 3_000) },
    );
  });
});
