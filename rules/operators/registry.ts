import { CONTEXT_OPERATORS } from './context';
import { CONTROL_OPERATORS } from './control';
import { ITERATION_OPERATORS } from './iteration';
import type { OperatorDefinition } from './operator';
import { STANDARD_OPERATORS } from './standard';
import { TEXT_OPERATORS } from './text';
import { TIME_OPERATORS } from './time';

/** Every operator a rule may use, by name: one table for parsing, evaluation, compilation and validation. */
export const OPERATORS: ReadonlyMap<string, OperatorDefinition> = new Map(
  [...STANDARD_OPERATORS, ...CONTROL_OPERATORS, ...ITERATION_OPERATORS, ...CONTEXT_OPERATORS, ...TEXT_OPERATORS, ...TIME_OPERATORS].map((definition) => [
    definition.name,
    definition,
  ]),
);
