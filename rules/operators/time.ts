/** Date and time operators. Instants are ISO 8601 texts (or Dates, or epoch ms); `now` is an input. */
import { addBusinessTime, businessTimeBetween, isBusinessDay, isBusinessTime, resolveCalendar } from '../business-calendar';
import type { WorkCalendar } from '../calendar/work-calendar';
import { addDuration, isoString, parseDuration, requireDuration, toInstant, unitLength } from '../dates';
import { RuleError } from '../errors';
import { chargeSteps, type RunState } from '../run-state';
import { readPath } from '../semantics';
import { eager, needRun, type OperatorDefinition, type OperatorNode, type StaticContext } from './operator';

const dateArgs = (count: number) => (index: number) => (index < count ? ('datetime' as const) : ('string' as const));

/** The instant of the evaluation: `options.now`, else the context's `now`. */
function currentInstant(run: RunState, path: string): number {
  const now = toInstant(run.now ?? readPath(run.root, ['now'], null));
  if (now === null) throw new RuleError('rule_no_clock', 'The rule reads the current time but no valid `now` was given', path);
  return now;
}

/** Literal durations and units are checked when the rule is saved, not when it first runs. */
function checkLiterals(durationIndex: number | undefined, unitIndex: number | undefined) {
  return (node: OperatorNode, context: StaticContext) => {
    const duration = durationIndex === undefined ? undefined : node.args[durationIndex];
    if (duration?.kind === 'literal' && !parseDuration(duration.value)) {
      context.report(duration.path, `${JSON.stringify(duration.value)} is not an ISO 8601 duration`, 'write durations like "PT4H", "P2D" or "-P1D"');
    }
    const unit = unitIndex === undefined ? undefined : node.args[unitIndex];
    if (unit?.kind === 'literal') {
      try {
        unitLength(unit.value, unit.path);
      } catch (error) {
        context.report(unit.path, (error as Error).message);
      }
    }
  };
}

const chargeDays = (run: RunState | undefined, days: number, path: string) => chargeSteps(needRun(run), days, path);

/** `[date, calendar]` → whether the instant falls on working time of that calendar, by `test`. */
function calendarTest(name: string, test: (calendar: WorkCalendar, instant: number) => boolean): OperatorDefinition {
  return eager({
    name,
    arity: [2, 2],
    result: 'boolean',
    argType: dateArgs(1),
    needsRun: true,
    apply([date, calendar], run, path) {
      const instant = toInstant(date);
      return instant !== null && test(resolveCalendar(calendar, needRun(run).calendars, path), instant);
    },
  });
}

export const TIME_OPERATORS: OperatorDefinition[] = [
  eager({ name: 'now', arity: [0, 0], result: 'datetime', needsRun: true, apply: (_values, run, path) => isoString(currentInstant(needRun(run), path)) }),
  eager({
    name: 'date',
    arity: [1, 1],
    result: 'datetime',
    apply: ([value]) => {
      const instant = toInstant(value);
      return instant === null ? null : isoString(instant);
    },
  }),
  eager({
    name: 'date_add',
    arity: [2, 2],
    result: 'datetime',
    argType: dateArgs(1),
    prepare: checkLiterals(1, undefined),
    apply([date, duration], _run, path) {
      const amount = requireDuration(duration, path);
      const instant = toInstant(date);
      return instant === null ? null : isoString(addDuration(instant, amount));
    },
  }),
  eager({
    name: 'date_diff',
    arity: [2, 3],
    result: 'number',
    argType: dateArgs(2),
    prepare: checkLiterals(undefined, 2),
    apply([later, earlier, unit = 'days'], _run, path) {
      const length = unitLength(unit, path);
      const [to, from] = [toInstant(later), toInstant(earlier)];
      return to === null || from === null ? null : (to - from) / length;
    },
  }),
  eager({ name: 'before', arity: [2, 2], result: 'boolean', argType: dateArgs(2), apply: ([a, b]) => compareInstants(a, b) < 0 }),
  eager({ name: 'after', arity: [2, 2], result: 'boolean', argType: dateArgs(2), apply: ([a, b]) => compareInstants(a, b) > 0 }),
  calendarTest('is_business_day', isBusinessDay),
  calendarTest('is_business_time', isBusinessTime),
  eager({
    name: 'business_add',
    arity: [3, 3],
    result: 'datetime',
    argType: dateArgs(1),
    prepare: checkLiterals(1, undefined),
    needsRun: true,
    apply([date, duration, calendar], run, path) {
      const amount = requireDuration(duration, path);
      const resolved = resolveCalendar(calendar, needRun(run).calendars, path);
      const instant = toInstant(date);
      if (instant === null) return null;
      const result = addBusinessTime(resolved, instant, amount, path);
      chargeDays(run, result.scanned, path);
      return isoString(result.instant);
    },
  }),
  eager({
    name: 'business_diff',
    arity: [3, 4],
    result: 'number',
    argType: dateArgs(2),
    prepare: checkLiterals(undefined, 3),
    needsRun: true,
    apply([later, earlier, calendar, unit = 'hours'], run, path) {
      const length = unitLength(unit, path);
      const resolved = resolveCalendar(calendar, needRun(run).calendars, path);
      const [to, from] = [toInstant(later), toInstant(earlier)];
      if (to === null || from === null) return null;
      const result = businessTimeBetween(resolved, from, to, path);
      chargeDays(run, result.scanned, path);
      return result.milliseconds / length;
    },
  }),
];

/** Negative, zero or positive; NaN (never less, never greater) when either is not an instant. */
function compareInstants(a: unknown, b: unknown): number {
  const [first, second] = [toInstant(a), toInstant(b)];
  return first === null || second === null ? Number.NaN : first - second;
}
