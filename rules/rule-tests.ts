import { isDeepStrictEqual } from 'node:util';
import type { CompiledRule, EvaluationOptions, RuleTest, RuleTestResult } from './types';

/** Runs a rule's attached tests (context + expected value); `now` of a test overrides the options'. */
export function runTests(rule: CompiledRule, tests: RuleTest[], options?: EvaluationOptions): RuleTestResult[] {
  return tests.map((test) => {
    const base = test.name === undefined ? {} : { name: test.name };
    try {
      const actual = rule(test.context, test.now === undefined ? options : { ...options, now: test.now });
      return { ...base, passed: isDeepStrictEqual(normalise(actual), normalise(test.expected)), actual, expected: test.expected };
    } catch (error) {
      return { ...base, passed: false, actual: undefined, expected: test.expected, error: (error as Error).message };
    }
  });
}

/** Tests are JSON: compare values as JSON would carry them (undefined is absent, i.e. null at the top). */
function normalise(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}
