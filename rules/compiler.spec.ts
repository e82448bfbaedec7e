import { compiledSource } from './compiler';
import { compile, evaluate } from './index';

describe('compile', () => {
  it('caches by a hash of the rule, whatever the object or key order', () => {
    const first = compile({ '==': [{ var: 'a' }, { x: 1, y: [2] }] });
    expect(compile({ '==': [{ var: 'a' }, { y: [2], x: 1 }] })).toBe(first);
    expect(compile({ '==': [{ var: 'a' }, { x: 1, y: [3] }] })).not.toBe(first);
    expect(compile({ '==': [{ var: 'a' }, { x: 1, y: [2] }] }, { limits: { maxSteps: 100 } })).not.toBe(first);
  });

  it('keeps rule text out of the generated code', () => {
    const hostile = '"); globalThis.pwned = true; ("';
    const key = '"] + (() => { throw new Error("injected") })() + ["';
    const rule = { and: [{ '==': [{ var: `a.${key}` }, hostile] }, { in: [hostile, [hostile, `\u2028${hostile}`]] }, { cat: [hostile, { var: ['x', hostile] }] }] };
    const source = compiledSource(rule);
    expect(source).not.toContain('globalThis.pwned = true; ("');
    expect(source).toContain(JSON.stringify(hostile));
    const data = { a: { [key]: hostile } };
    expect(compile(rule)(data)).toBe(evaluate(rule, data));
    expect(compile(rule)(data)).toBe(`${hostile}${hostile}`);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('gives fresh arrays and keeps negative zero', () => {
    const rule = compile({ if: [true, [1, 2], 3] });
    const first = rule({}) as number[];
    first.push(3);
    expect(rule({})).toEqual([1, 2]);
    expect(Object.is(compile({ '+': [-0] })({}), -0)).toBe(Object.is(evaluate({ '+': [-0] }, {}), -0));
    expect(Object.is(compile({ '/': [1, -0] })({}), Number.NEGATIVE_INFINITY)).toBe(true);
  });
});
