import type { ContextType, Rule } from './engine';

/**
 * The visual builder's view of a rule: and/or groups of "field operator value" conditions. Any rule
 * the builder cannot draw (computed values, nested arithmetic…) stays editable in the JSON view.
 */
export interface ConditionNode {
  kind: 'condition';
  path: string;
  operator: string;
  value: unknown;
}

export interface GroupNode {
  kind: 'group';
  combinator: 'and' | 'or';
  children: BuilderNode[];
}

export type BuilderNode = ConditionNode | GroupNode;

/** Operators that take no value: presence checks, written as `!!` / `!` of the field. */
export const PRESENCE_OPERATORS = ['is_set', 'is_empty'] as const;

const COMPARISON = ['==', '!=', '>', '>=', '<', '<='];
const TEXT = ['==', '!=', 'in', 'starts_with', 'ends_with', 'match'];

/** Which operators the builder offers for a field of each context type. */
export const OPERATORS_BY_TYPE: Record<ContextType, string[]> = {
  string: [...TEXT, ...PRESENCE_OPERATORS],
  number: [...COMPARISON, ...PRESENCE_OPERATORS],
  boolean: ['==', '!=', ...PRESENCE_OPERATORS],
  date: ['before', 'after', '==', ...PRESENCE_OPERATORS],
  datetime: ['before', 'after', ...PRESENCE_OPERATORS],
  array: ['any_in', ...PRESENCE_OPERATORS],
  object: [...PRESENCE_OPERATORS],
  any: [...COMPARISON, 'in', ...PRESENCE_OPERATORS],
};

/** Operators whose value is a list of items. */
export const LIST_OPERATORS = new Set(['in', 'any_in']);

const VALUE_OPERATORS = new Set([...COMPARISON, ...TEXT, 'before', 'after', 'any_in']);

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function single(rule: unknown): [string, unknown] | null {
  if (!isPlainObject(rule)) return null;
  const entries = Object.entries(rule);
  return entries.length === 1 ? entries[0] : null;
}

function fieldPath(operand: unknown): string | null {
  const operation = single(operand);
  if (!operation) return null;
  const [operator, argument] = operation;
  const first = Array.isArray(argument) ? argument[0] : argument;
  if (typeof first !== 'string' || (Array.isArray(argument) && argument.length > 1)) return null;
  if (operator === 'var') return first;
  if (operator === 'attr') return `request.attributes.${first}`;
  return null;
}

const isLiteral = (value: unknown): boolean =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value) || (Array.isArray(value) && value.every((item) => item === null || ['string', 'number', 'boolean'].includes(typeof item)));

/** The builder tree of a rule, or null when the rule has a shape the builder cannot show. */
export function toBuilder(rule: Rule): GroupNode | null {
  if (rule === undefined || rule === null || rule === true) return { kind: 'group', combinator: 'and', children: [] };
  const node = toNode(rule);
  if (!node) return null;
  return node.kind === 'group' ? node : { kind: 'group', combinator: 'and', children: [node] };
}

function toNode(rule: unknown): BuilderNode | null {
  const operation = single(rule);
  if (!operation) return null;
  const [operator, argument] = operation;
  if ((operator === 'and' || operator === 'or') && Array.isArray(argument)) {
    const children = argument.map(toNode);
    return children.every((child): child is BuilderNode => child !== null) ? { kind: 'group', combinator: operator, children } : null;
  }
  if (operator === '!!' || operator === '!') {
    const path = fieldPath(Array.isArray(argument) && argument.length === 1 ? argument[0] : argument);
    return path ? { kind: 'condition', path, operator: operator === '!!' ? 'is_set' : 'is_empty', value: null } : null;
  }
  if (VALUE_OPERATORS.has(operator) && Array.isArray(argument) && argument.length === 2) {
    const path = fieldPath(argument[0]);
    return path && isLiteral(argument[1]) ? { kind: 'condition', path, operator, value: argument[1] } : null;
  }
  return null;
}

/** The JSONLogic of a builder tree; an empty group is the rule `true`. */
export function fromBuilder(node: BuilderNode): Rule {
  if (node.kind === 'condition') {
    const field = { var: node.path };
    if (node.operator === 'is_set') return { '!!': [field] };
    if (node.operator === 'is_empty') return { '!': [field] };
    return { [node.operator]: [field, node.value] };
  }
  const children = node.children.map(fromBuilder);
  if (children.length === 0) return true;
  if (children.length === 1) return children[0];
  return { [node.combinator]: children };
}
