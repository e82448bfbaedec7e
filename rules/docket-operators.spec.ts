import { compile, evaluate, RuleError, type EvaluationOptions } from './index';

/** Evaluates with both engines, checks they agree, and gives the value. */
function run(rule: unknown, data: unknown = {}, options?: EvaluationOptions): unknown {
  const interpreted = evaluate(rule, data, options);
  expect(compile(rule)(data, options)).toEqual(interpreted);
  return interpreted;
}

/** Both engines throw a RuleError with this code; returns the interpreter's error. */
function failure(rule: unknown, data: unknown = {}, options?: EvaluationOptions): RuleError {
  const errors = [() => evaluate(rule, data, options), () => compile(rule)(data, options)].map((attempt) => {
    try {
      attempt();
    } catch (error) {
      return error as RuleError;
    }
    throw new Error(`expected ${JSON.stringify(rule)} to fail`);
  });
  expect(errors[0]).toBeInstanceOf(RuleError);
  expect(errors[1]).toBeInstanceOf(RuleError);
  expect(errors[1].code).toBe(errors[0].code);
  expect(errors[1].path).toBe(errors[0].path);
  return errors[0];
}

const context = {
  request: { priority: 2, type: 'incident', attributes: { TERMINATION_DATE: '2026-03-10', CITY: { code: 'PSK', name: 'Pskov' }, AMOUNT: 1500, EMAIL: ' Ann@Example.org ' } },
  client: { category: 'BIS', region: 'SPB' },
  contact: { channel: 'phone' },
  user: { login: 'ann', groups: ['L2', 'billing'], roles: ['operator'] },
  step: { id: 3, name: 'Diagnosis' },
  dictionaries: { REGION: { RU: null, NW: 'RU', SPB: 'NW', PSK: 'NW', MSK: 'RU' } },
};

describe('date and time operators', () => {
  const now = '2026-03-02T10:00:00Z';

  it('reads now from the options, else from the context, and never from the clock', () => {
    expect(run({ now: [] }, context, { now })).toBe(now.replace('Z', '.000Z'));
    expect(run({ now: [] }, { now: '2026-01-01T00:00:00+03:00' })).toBe('2025-12-31T21:00:00.000Z');
    expect(failure({ now: [] }, context).code).toBe('rule_no_clock');
  });

  it('adds ISO 8601 durations and compares instants', () => {
    expect(run({ date_add: [{ now: [] }, 'PT4H'] }, context, { now })).toBe('2026-03-02T14:00:00.000Z');
    expect(run({ date_add: ['2026-01-31', 'P1M'] })).toBe('2026-02-28T00:00:00.000Z');
    expect(run({ date_add: ['2026-03-02T10:00:00Z', '-P1DT12H'] })).toBe('2026-02-28T22:00:00.000Z');
    expect(run({ after: [{ attr: 'TERMINATION_DATE' }, { date_add: [{ now: [] }, 'P7D'] }] }, context, { now })).toBe(true);
    expect(run({ before: [{ attr: 'TERMINATION_DATE' }, { now: [] }] }, context, { now })).toBe(false);
    expect(run({ date_diff: [{ attr: 'TERMINATION_DATE' }, '2026-03-08', 'hours'] }, context)).toBe(48);
    expect(run({ date_diff: [{ attr: 'TERMINATION_DATE' }, '2026-03-08'] }, context)).toBe(2);
  });

  it('treats values that are not instants as absent rather than failing', () => {
    expect(run({ date_add: [{ var: 'missing' }, 'P1D'] })).toBeNull();
    expect(run({ before: ['not a date', '2026-01-01'] })).toBe(false);
    expect(run({ date: '2026-02-30' })).toBeNull();
    expect(run({ date: '2026-02-03T04:05:06+01:00' })).toBe('2026-02-03T03:05:06.000Z');
  });

  it('reports an invalid computed duration or unit as a rule error with its location', () => {
    const error = failure({ date_add: ['2026-01-01', { var: 'span' }] }, { span: '4 hours' });
    expect(error.code).toBe('rule_invalid_duration');
    expect(error.path).toBe('');
    expect(failure({ and: [true, { date_diff: ['2026-01-02', '2026-01-01', { var: 'unit' }] }] }, { unit: 'fortnights' }).path).toBe('/and/1');
  });
});

describe('business calendar operators', () => {
  const calendars = {
    office: { timeZone: 'Europe/Moscow', workingDays: [1, 2, 3, 4, 5], hours: { start: '09:00', end: '18:00' }, holidays: ['2026-03-09'], extraWorkingDays: ['2026-03-14'] },
  };
  const options = { calendars };

  it('adds working hours inside working hours, skipping nights, weekends and holidays', () => {
    // Friday 2026-03-06 16:00 Moscow (13:00Z) + 4 working hours: 2 on Friday, Monday 9th is a holiday, so Tuesday 11:00.
    expect(run({ business_add: ['2026-03-06T13:00:00Z', 'PT4H', 'office'] }, {}, options)).toBe('2026-03-10T08:00:00.000Z');
    // Saturday 14th is a moved working day.
    expect(run({ business_add: ['2026-03-13T14:00:00Z', 'PT3H', 'office'] }, {}, options)).toBe('2026-03-14T08:00:00.000Z');
  });

  it('adds working days at the same time of day', () => {
    expect(run({ business_add: ['2026-03-05T07:00:00Z', 'P2D', 'office'] }, {}, options)).toBe('2026-03-10T07:00:00.000Z');
  });

  it('tells working days and working time apart and measures working time between instants', () => {
    expect(run({ is_business_day: ['2026-03-09T10:00:00Z', 'office'] }, {}, options)).toBe(false);
    expect(run({ is_business_day: ['2026-03-14T10:00:00Z', 'office'] }, {}, options)).toBe(true);
    expect(run({ is_business_time: ['2026-03-10T05:30:00Z', 'office'] }, {}, options)).toBe(false);
    expect(run({ is_business_time: ['2026-03-10T06:30:00Z', 'office'] }, {}, options)).toBe(true);
    expect(run({ business_diff: ['2026-03-10T08:00:00Z', '2026-03-06T13:00:00Z', 'office'] }, {}, options)).toBe(4);
    expect(run({ business_diff: ['2026-03-06T13:00:00Z', '2026-03-10T08:00:00Z', 'office', 'minutes'] }, {}, options)).toBe(-240);
  });

  it('counts working time exactly as SLA deadlines do: hours per weekday, shortened days, real hours across DST', () => {
    const desk = { timeZone: 'Europe/Berlin', weekHours: { '1': [{ start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }], '5': [{ start: '09:00', end: '15:00' }] }, workingDays: [1, 2, 3, 4, 5], hours: { start: '08:00', end: '17:00' }, exceptions: [{ date: '2026-12-24', hours: [{ start: '09:00', end: '12:00' }] }] };
    const withDesk = { calendars: { desk } };
    // Monday 2026-11-30 12:00 CET (11:00Z) + 3 h: 1 h before lunch, 2 h after it, so 16:00 CET.
    expect(run({ business_add: ['2026-11-30T11:00:00Z', 'PT3H', 'desk'] }, {}, withDesk)).toBe('2026-11-30T15:00:00.000Z');
    expect(run({ is_business_time: ['2026-11-30T12:30:00Z', 'desk'] }, {}, withDesk)).toBe(false);
    // Thursday 24 December works 09:00-12:00 only: 11:00 CET + 2 h runs into Friday the 25th, 09:00 + 1 h.
    expect(run({ business_add: ['2026-12-24T10:00:00Z', 'PT2H', 'desk'] }, {}, withDesk)).toBe('2026-12-25T09:00:00.000Z');
    expect(run({ business_diff: ['2026-12-26T00:00:00Z', '2026-12-24T00:00:00Z', 'desk'] }, {}, withDesk)).toBe(3 + 6);
    // Sunday 2026-03-29 in Berlin lasts 23 hours.
    expect(run({ business_diff: ['2026-03-29T22:00:00Z', '2026-03-28T23:00:00Z', { var: 'always' }] }, { always: { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5, 6, 7] } })).toBe(23);
  });

  it('takes a calendar object from the data, and rejects unknown or malformed calendars', () => {
    expect(run({ is_business_day: ['2026-03-08', { var: 'calendar' }] }, { calendar: { workingDays: [7] } })).toBe(true);
    expect(failure({ is_business_day: ['2026-03-08', 'nowhere'] }, {}, options).code).toBe('rule_unknown_calendar');
    expect(failure({ is_business_day: ['2026-03-08', { var: 'calendar' }] }, { calendar: { hours: { start: '18:00', end: '09:00' } } }).code).toBe('rule_calendar_invalid');
    expect(failure({ business_add: ['2026-03-08', 'PT1H', { var: 'calendar' }] }, { calendar: { workingDays: [] } }).code).toBe('rule_calendar_range');
  });
});

describe('dictionary operators', () => {
  it('matches dictionary items by code in lists and in dictionaries given as {code: label}', () => {
    expect(run({ in: [{ attr: 'CITY' }, ['MSK', 'PSK']] }, context)).toBe(true);
    expect(run({ in: [{ attr: 'CITY' }, { var: 'cities' }] }, { ...context, cities: ['MSK'] })).toBe(false);
    expect(run({ in: [{ attr: 'CITY' }, { var: 'dictionaries.REGION' }] }, context)).toBe(true);
    expect(run({ in: ['XX', { var: 'dictionaries.REGION' }] }, context)).toBe(false);
  });

  it('finds values under a node of a hierarchical dictionary', () => {
    const tree = { var: 'dictionaries.REGION' };
    expect(run({ in_tree: [{ var: 'client.region' }, 'NW', tree] }, context)).toBe(true);
    expect(run({ in_tree: [{ var: 'client.region' }, 'RU', tree] }, context)).toBe(true);
    expect(run({ in_tree: ['MSK', 'NW', tree] }, context)).toBe(false);
    expect(run({ in_tree: [['MSK', 'PSK'], 'NW', tree] }, context)).toBe(true);
    // Objects of two keys are data (one-key objects are operations).
    const items = [{ code: 'NW', parent: null }, { code: 'PSK', parent: 'NW' }];
    expect(run({ in_tree: [{ attr: 'CITY' }, { code: 'NW', name: 'North-West' }, items] }, context)).toBe(true);
  });

  it('takes a hierarchy by name from the options', () => {
    const options = { dictionaries: { REGION: context.dictionaries.REGION } };
    expect(run({ in_tree: [{ var: 'client.region' }, 'NW', 'REGION'] }, context, options)).toBe(true);
    expect(failure({ in_tree: [{ var: 'client.region' }, 'NW', 'CITY'] }, context, options).code).toBe('rule_unknown_dictionary');
  });

  it('stops on a cyclic hierarchy', () => {
    expect(run({ in_tree: ['A', 'Z', { A: 'B', B: 'A' }] })).toBe(false);
  });

  it('tests whether any of several values is in a list', () => {
    expect(run({ any_in: [{ var: 'user.groups' }, ['billing', 'field']] }, context)).toBe(true);
    expect(run({ any_in: [{ var: 'user.groups' }, ['field']] }, context)).toBe(false);
  });
});

describe('text operators', () => {
  it('lowers, uppers, trims and measures', () => {
    expect(run({ lower: { trim: { attr: 'EMAIL' } } }, context)).toBe('ann@example.org');
    expect(run({ upper: { var: 'client.category' } }, context)).toBe('BIS');
    expect(run({ length: { var: 'user.groups' } }, context)).toBe(2);
    expect(run({ length: { var: 'client.category' } }, context)).toBe(3);
    expect(run({ length: { var: 'nothing' } }, context)).toBe(0);
    expect(run({ trim: { var: 'nothing' } }, context)).toBeNull();
    expect(run({ starts_with: [{ var: 'step.name' }, 'Diag'] }, context)).toBe(true);
    expect(run({ ends_with: [{ var: 'step.name' }, 'x'] }, context)).toBe(false);
  });

  it('matches regular expressions given as literals', () => {
    expect(run({ match: [{ trim: { attr: 'EMAIL' } }, '^[^@\\s]+@[^@\\s]+\\.[a-z]+$', 'i'] }, context)).toBe(true);
    expect(run({ match: [{ var: 'request.priority' }, '^[1-2]$'] }, context)).toBe(true);
    expect(run({ match: [{ var: 'nothing' }, '.'] }, context)).toBe(false);
  });

  it('refuses patterns that can backtrack catastrophically, and overlong input', () => {
    for (const pattern of ['(a+)+$', '(a|aa)*b', '(\\w*)*', '(x+x+)+y', '(a)\\1', '(?=a)a', '((ab)+)+']) {
      expect(() => compile({ match: ['x', pattern] })).toThrow(RuleError);
    }
    for (const pattern of ['^\\S+@\\S+\\.\\S+$', '^[A-Z]{2}\\d{6}$', '^(\\+7|8)\\d{10}$', '^(ab){2,3}$', '[(+*]+', '^\\(\\d+\\)*$']) {
      expect(() => compile({ match: ['x', pattern] })).not.toThrow();
    }
    expect(() => compile({ match: ['x', { var: 'pattern' }] })).toThrow(/literal/);
    expect(() => compile({ match: ['x', 'a', 'g'] })).toThrow(/flags/);
    const error = failure({ match: [{ var: 'text' }, '^a+$'] }, { text: 'a'.repeat(5_000) });
    expect(error.code).toBe('rule_regex_input_limit');
  });
});

describe('context operators', () => {
  it('tests the user of the context for groups and roles', () => {
    expect(run({ 'user.in_group': 'L2' }, context)).toBe(true);
    expect(run({ 'user.in_group': ['L3', 'billing'] }, context)).toBe(true);
    expect(run({ 'user.in_group': 'L3' }, context)).toBe(false);
    expect(run({ 'user.has_role': 'operator' }, context)).toBe(true);
    expect(run({ 'user.has_role': 'admin' }, {})).toBe(false);
  });

  it('reads request attributes by code and navigates safely through absent parts', () => {
    expect(run({ attr: 'AMOUNT' }, context)).toBe(1500);
    expect(run({ attr: ['MISSING', 0] }, context)).toBe(0);
    expect(run({ var: 'request.attributes.CITY.code' }, context)).toBe('PSK');
    expect(run({ var: 'contact.place.city' }, context)).toBeNull();
    expect(run({ var: 'a.b.c' }, { a: null })).toBeNull();
    expect(run({ var: ['a.b', 'fallback'] }, { a: 5 })).toBe('fallback');
  });

  it('never reads through prototypes', () => {
    expect(run({ var: 'constructor' }, {})).toBeNull();
    expect(run({ var: 'a.__proto__' }, { a: {} })).toBeNull();
    expect(run({ var: 'a.toString' }, { a: {} })).toBeNull();
    expect(run({ var: 'list.length' }, { list: [1, 2] })).toBe(2);
    expect(run({ var: { cat: ['a.', 'hasOwnProperty'] } }, { a: {} })).toBeNull();
    expect(run({ in: ['toString', { var: 'dictionary' }] }, { dictionary: {} })).toBe(false);
  });
});
