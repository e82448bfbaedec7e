import { validateRule, type ContextSchema } from './index';

const schema: ContextSchema = {
  'request.priority': { type: 'number' },
  'request.type': { type: 'string' },
  'request.attributes.TERMINATION_DATE': { type: 'date' },
  'request.attributes.AMOUNT': { type: 'number' },
  'request.attributes.CITY': { type: 'object', dictionary: 'CITY' },
  'client.category': { type: 'string', dictionary: 'CLIENT_CATEGORY' },
  'client.region': { type: 'string' },
  'user.login': { type: 'string' },
  'user.groups': { type: 'array' },
  'user.roles': { type: 'array' },
};

describe('validateRule', () => {
  it('accepts a well-formed rule over known fields', () => {
    const rule = { and: [{ '==': [{ var: 'client.category' }, 'BIS'] }, { after: [{ attr: 'TERMINATION_DATE' }, { now: [] }] }, { 'user.in_group': 'L2' }] };
    expect(validateRule(rule, schema)).toEqual({ errors: [], warnings: [] });
  });

  it('rejects a misspelt field with its location and a "did you mean" hint', () => {
    const { errors } = validateRule({ and: [true, { '==': [{ var: 'client.categry' }, 'BIS'] }] }, schema);
    expect(errors).toEqual([{ path: '/and/1/==/0/var', message: "Unknown context field 'client.categry'", hint: 'did you mean client.category?' }]);
    expect(validateRule({ attr: 'TERMINATON_DATE' }, schema).errors[0]).toMatchObject({ path: '/attr', hint: 'did you mean request.attributes.TERMINATION_DATE?' });
    expect(validateRule({ var: 'totally.elsewhere' }, schema).errors[0]).not.toHaveProperty('hint');
  });

  it('accepts paths into object fields and objects holding fields, and skips iteration bodies', () => {
    const rule = { and: [{ var: 'request.attributes.CITY.code' }, { var: 'request.attributes' }, { some: [{ var: 'user.groups' }, { '==': [{ var: '' }, 'L2'] }] }] };
    expect(validateRule(rule, schema).errors).toEqual([]);
  });

  it('rejects unknown operators with a hint, wrong arity and malformed arguments', () => {
    const { errors } = validateRule({ and: [{ '=': [1, 1] }, { '>': [1] }, { match: ['x', '(a+)+'] }, { date_add: ['2026-01-01', '4h'] }, { date_diff: ['2026-01-01', '2026-01-02', 'fortnights'] }] });
    expect(errors).toEqual([
      { path: '/and/0/=', message: "Unknown operator '='", hint: "did you mean '=='?" },
      { path: '/and/1/>', message: "'>' takes 2 arguments, not 1" },
      { path: '/and/2/match/1', message: expect.stringContaining('The pattern is refused: a repeated group') },
      { path: '/and/3/date_add/1', message: '"4h" is not an ISO 8601 duration', hint: expect.any(String) },
      { path: '/and/4/date_diff/2', message: expect.stringContaining('Unit "fortnights"') },
    ]);
  });

  it('reports limits as errors', () => {
    let rule: unknown = 1;
    for (let level = 0; level < 100; level++) rule = { '+': [rule, 1] };
    expect(validateRule(rule).errors).toEqual([expect.objectContaining({ message: 'The rule is nested deeper than 64 levels' })]);
  });

  it('warns about type mismatches without rejecting the rule', () => {
    const rule = {
      and: [
        { '>': [{ attr: 'TERMINATION_DATE' }, 5] },
        { '==': [{ var: 'request.priority' }, 'high'] },
        { '==': [{ var: 'request.priority' }, '2'] },
        { before: [{ attr: 'AMOUNT' }, { now: [] }] },
        { '<': [{ attr: 'TERMINATION_DATE' }, '2026-12-31'] },
      ],
    };
    const { errors, warnings } = validateRule(rule, schema);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      { path: '/and/0', message: "'>' compares request.attributes.TERMINATION_DATE (date) with 5" },
      { path: '/and/1', message: '\'==\' compares request.priority (number) with "high"' },
      { path: '/and/3/before/0', message: "'before' expects a date here, not request.attributes.AMOUNT (number)" },
    ]);
  });

  it('warns that a computed var path cannot be checked', () => {
    expect(validateRule({ var: { cat: ['client.', 'category'] } }, schema).warnings).toEqual([{ path: '/var', message: 'A computed var path cannot be checked against the context' }]);
  });

  it('checks only the structure without a schema', () => {
    expect(validateRule({ '==': [{ var: 'anything.at.all' }, 1] })).toEqual({ errors: [], warnings: [] });
  });
});
