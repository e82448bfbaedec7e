import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, evaluate } from './index';

type Case = [rule: unknown, data: unknown, expected: unknown];
// The official JSONLogic conformance file (jsonlogic.com/tests.json), kept in the repository byte for byte.
const suite: unknown[] = JSON.parse(readFileSync(join(__dirname, 'fixtures/jsonlogic-tests.json'), 'utf8'));
const cases = suite.filter((entry): entry is Case => Array.isArray(entry));

describe('JSONLogic conformance suite (rules/fixtures/jsonlogic-tests.json)', () => {
  it('holds all 280 cases', () => {
    expect(cases).toHaveLength(280);
  });

  it.each(cases.map((entry, index) => [index, ...entry]))('case %i interpreted: %j with %j', (_index, rule, data, expected) => {
    expect(evaluate(rule, data)).toEqual(expected);
  });

  it.each(cases.map((entry, index) => [index, ...entry]))('case %i compiled: %j with %j', (_index, rule, data, expected) => {
    expect(compile(rule)(data)).toEqual(expected);
  });
});
