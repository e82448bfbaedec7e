import { runInNewContext } from 'node:vm';
import { evaluate, explain, ruleVars, runRuleTests } from './index';

const data = { client: { category: 'BIS' }, request: { priority: 3, attributes: { CITY: 'Pskov' } } };

describe('explain', () => {
  it('traces every sub-expression with its path, operator and value', () => {
    const rule = { and: [{ '==': [{ var: 'client.category' }, 'BIS'] }, { '>': [{ var: 'request.priority' }, 4] }, { in: [{ attr: 'CITY' }, ['Pskov']] }] };
    const { value, trace } = explain(rule, data);
    expect(value).toBe(false);
    expect(trace).toEqual({
      path: '',
      operator: 'and',
      value: false,
      children: [
        {
          path: '/and/0',
          operator: '==',
          value: true,
          children: [
            { path: '/and/0/==/0', operator: 'var', value: 'BIS', children: [] },
            { path: '/and/0/==/1', operator: 'value', value: 'BIS', children: [] },
          ],
        },
        {
          path: '/and/1',
          operator: '>',
          value: false,
          children: [
            { path: '/and/1/>/0', operator: 'var', value: 3, children: [] },
            { path: '/and/1/>/1', operator: 'value', value: 4, children: [] },
          ],
        },
      ],
    });
  });

  it('shows iteration bodies once per item', () => {
    const { value, trace } = explain({ some: [{ var: 'list' }, { '>': [{ var: '' }, 1] }] }, { list: [1, 2] });
    expect(value).toBe(true);
    expect(trace.children.map((child) => [child.operator, child.value])).toEqual([
      ['var', [1, 2]],
      ['>', false],
      ['>', true],
    ]);
  });
});

describe('ruleVars', () => {
  it('lists the context paths a rule reads, outside iteration bodies', () => {
    const rule = {
      and: [
        { '==': [{ var: 'client.category' }, 'BIS'] },
        { attr: 'CITY' },
        { 'user.in_group': 'L2' },
        { some: [{ var: 'request.items' }, { var: 'qty' }] },
        { var: 'client.category' },
        { var: { cat: ['a', 'b'] } },
      ],
    };
    expect(ruleVars(rule)).toEqual(['client.category', 'request.attributes.CITY', 'user.groups', 'request.items']);
  });
});

describe('runRuleTests', () => {
  const rule = { if: [{ after: [{ attr: 'DUE' }, { now: [] }] }, 'on time', 'late'] };

  it('runs each test with its own now and reports pass, fail and error', () => {
    const results = runRuleTests(rule, [
      { name: 'before the due date', context: { request: { attributes: { DUE: '2026-05-01' } } }, now: '2026-04-01T00:00:00Z', expected: 'on time' },
      { name: 'after it', context: { request: { attributes: { DUE: '2026-05-01' } } }, now: '2026-06-01T00:00:00Z', expected: 'on time' },
      { context: {}, expected: 'late' },
    ]);
    expect(results).toEqual([
      { name: 'before the due date', passed: true, actual: 'on time', expected: 'on time' },
      { name: 'after it', passed: false, actual: 'late', expected: 'on time' },
      { passed: false, actual: undefined, expected: 'late', error: expect.stringContaining('no valid `now`') },
    ]);
  });

  it('takes now from the options when a test has none, and compares JSON values deeply', () => {
    const results = runRuleTests({ merge: [{ var: 'a' }, [{ now: [] }]] }, [{ context: { a: [1] }, expected: [1, '2026-01-01T00:00:00.000Z'] }], { now: '2026-01-01T00:00:00Z' });
    expect(results).toEqual([{ passed: true, actual: [1, '2026-01-01T00:00:00.000Z'], expected: [1, '2026-01-01T00:00:00.000Z'] }]);
  });
});

describe('rules made in another realm', () => {
  it('accepts plain objects copied by structuredClone or built in a vm context', () => {
    const foreign = runInNewContext('({ "==": [{ var: "client.category" }, "BIS"] })');
    expect(evaluate(foreign, { client: { category: 'BIS' } })).toBe(true);
    expect(evaluate(structuredClone({ in: ['b', ['a', 'b']] }), {})).toBe(true);
  });
});
