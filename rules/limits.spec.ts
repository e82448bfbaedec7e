import { compile, DEFAULT_LIMITS, evaluate, RuleError, safeEvaluate } from './index';

/** Both engines fail with the same code and location, quickly; returns the error. */
function rejects(rule: unknown, data: unknown = {}, limits = {}): RuleError {
  const started = Date.now();
  const outcomes = [() => evaluate(rule, data, { limits }), () => compile(rule, { limits })(data)].map((attempt) => {
    try {
      attempt();
    } catch (error) {
      return error as RuleError;
    }
    throw new Error('expected the rule to be stopped');
  });
  expect(Date.now() - started).toBeLessThan(3_000);
  expect(outcomes[0]).toBeInstanceOf(RuleError);
  expect({ code: outcomes[1].code, path: outcomes[1].path }).toEqual({ code: outcomes[0].code, path: outcomes[0].path });
  const safe = safeEvaluate(rule, data, { limits });
  expect(safe).toEqual({ ok: false, error: { code: outcomes[0].code, message: outcomes[0].message, path: outcomes[0].path } });
  return outcomes[0];
}

function nested(depth: number): unknown {
  let rule: unknown = true;
  for (let level = 0; level < depth; level++) rule = { '!': [rule] };
  return rule;
}

describe('limits against hostile rules', () => {
  it('stops deep nesting before recursing into it', () => {
    expect(rejects(nested(100_000)).code).toBe('rule_too_deep');
    expect(evaluate(nested(DEFAULT_LIMITS.maxDepth - 2), {})).toBe(true);
  });

  it('stops rules with too many nodes, including huge literal arrays and objects', () => {
    expect(rejects({ in: ['x', Array.from({ length: 1_000_000 }, (_, index) => index)] }).code).toBe('rule_too_large');
    expect(rejects({ '==': [{ a: 1, b: Array.from({ length: 10_000 }, () => 1) }, 1] }).code).toBe('rule_too_large');
  });

  it('stops array operations on huge inputs, at the operation', () => {
    const error = rejects({ and: [true, { map: [{ var: 'list' }, { var: '' }] }] }, { list: new Array(50_000).fill(1) });
    expect(error.code).toBe('rule_array_limit');
    expect(error.path).toBe('/and/1');
    expect(rejects({ in: [1, { var: 'list' }] }, { list: new Array(50_000).fill(0) }).code).toBe('rule_array_limit');
  });

  it('stops reduce bombs that double an array or a text on every pass', () => {
    const arrayBomb = { reduce: [{ var: 'list' }, { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [1]] };
    const arrayError = rejects(arrayBomb, { list: new Array(64).fill(0) });
    expect(arrayError).toMatchObject({ code: 'rule_array_limit', path: '/reduce/1' });
    const textBomb = { reduce: [{ var: 'list' }, { cat: [{ var: 'accumulator' }, { var: 'accumulator' }] }, 'ab'] };
    expect(rejects(textBomb, { list: new Array(64).fill(0) }).code).toBe('rule_string_limit');
  });

  it('stops nested iterations by their evaluation steps', () => {
    const rule = { some: [{ var: 'rows' }, { some: [{ var: '' }, { '==': [{ '+': [{ var: '' }, 1] }, -1] }] }] };
    const rows = Array.from({ length: 1_000 }, () => new Array(1_000).fill(0));
    const error = rejects(rule, { rows });
    expect(error).toMatchObject({ code: 'rule_step_limit', path: '/some/1' });
    expect(() => evaluate(rule, { rows: rows.slice(0, 10).map((row) => row.slice(0, 10)) })).not.toThrow();
  });

  it('applies custom limits in compiled rules too', () => {
    const rule = { filter: [{ var: 'list' }, { '>': [{ var: '' }, 2] }] };
    expect(compile(rule)({ list: [1, 2, 3, 4] })).toEqual([3, 4]);
    expect(rejects(rule, { list: [1, 2, 3, 4] }, { maxArrayLength: 3 }).code).toBe('rule_array_limit');
    expect(rejects(rule, { list: [1, 2, 3, 4] }, { maxSteps: 12 }).code).toBe('rule_step_limit');
    expect(rejects({ '+': [1, 2, 3, 4] }, {}, { maxSteps: 4 }).code).toBe('rule_step_limit');
  });
});

describe('safeEvaluate', () => {
  it('gives the value of a rule that works', () => {
    expect(safeEvaluate({ '==': [{ var: 'client.category' }, 'BIS'] }, { client: { category: 'BIS' } })).toEqual({ ok: true, value: true });
  });

  it('never throws: unknown operators, bad arity, non-JSON rules, bad limits, failing data', () => {
    const hostileData = {
      get client(): unknown {
        throw new Error('getter exploded');
      },
    };
    const cases: [unknown, unknown, object | undefined, string][] = [
      [{ frobnicate: [1] }, {}, undefined, 'rule_unknown_operator'],
      [{ '==': [1] }, {}, undefined, 'rule_arity'],
      [{ '==': [() => 1, 1] }, {}, undefined, 'rule_invalid_value'],
      [{ '==': [Number.NaN, 1] }, {}, undefined, 'rule_invalid_value'],
      [true, {}, { limits: { maxSteps: -1 } }, 'rule_limits_invalid'],
      [{ var: 'client.category' }, hostileData, undefined, 'rule_failed'],
      [{ date_add: ['2026-01-01', 'tomorrow'] }, {}, undefined, 'rule_invalid_argument'],
    ];
    for (const [rule, data, options, code] of cases) {
      const outcome = safeEvaluate(rule, data, options);
      expect(outcome).toMatchObject({ ok: false, error: { code } });
    }
  });

  it('locates parse errors in the rule', () => {
    expect(safeEvaluate({ and: [true, { '!=': [1] }] }, {})).toMatchObject({ ok: false, error: { code: 'rule_arity', path: '/and/1/!=' } });
    expect(safeEvaluate({ or: [{ lenght: 'x' }] }, {})).toMatchObject({ ok: false, error: { path: '/or/0/lenght', message: expect.stringContaining("did you mean 'length'") } });
  });
});
