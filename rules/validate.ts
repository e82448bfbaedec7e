/**
 * Static checks before a rule is saved: the parse errors (shape, operators, arity, literals, limits),
 * every context path against a ContextSchema (with "did you mean" hints), and type mismatches as warnings.
 */
import { toInstant } from './dates';
import { closest } from './levenshtein';
import type { Node, OperatorNode } from './operators/operator';
import { parseRule } from './parse';
import { collectReads } from './rule-vars';
import { resolveLimits } from './run-state';
import type { ContextSchema, ContextType, RuleIssue, RuleLimits } from './types';

const COMPARISONS = new Set(['==', '===', '!=', '!==', '<', '<=', '>', '>=']);
/** Paths every Docket context has whatever the schema says. */
const BUILT_IN: ContextSchema = { now: { type: 'datetime' } };

export function validate(rule: unknown, schema: ContextSchema | undefined, limits: RuleLimits = resolveLimits()): { errors: RuleIssue[]; warnings: RuleIssue[] } {
  const errors: RuleIssue[] = [];
  const warnings: RuleIssue[] = [];
  const parsed = parseRule(rule, limits, errors);
  if (errors.length || !schema) return { errors, warnings };
  const fields = new Map(Object.entries({ ...BUILT_IN, ...schema }).map(([path, field]) => [path, field.type]));
  const types = new Map<Node, ContextType>();
  collectReads(parsed.root, (path, node, scoped) => {
    if (scoped) return;
    const type = typeOfPath(path, fields);
    if (type) {
      types.set(node, type);
      return;
    }
    const guess = closest(path, candidatePaths(fields));
    errors.push({ path: readLocation(node), message: `Unknown context field '${path}'`, ...(guess ? { hint: `did you mean ${guess}?` } : {}) });
  });
  walk(parsed.root, (node) => {
    if (node.name === 'var' && node.args[0] && node.args[0].kind !== 'literal') {
      warnings.push({ path: node.args[0].path, message: 'A computed var path cannot be checked against the context' });
    }
    checkTypes(node, (arg) => typed(arg, types), warnings);
  });
  return { errors, warnings };
}

function walk(node: Node, visit: (node: OperatorNode) => void): void {
  if (node.kind === 'array') node.items.forEach((item) => walk(item, visit));
  if (node.kind !== 'operator') return;
  visit(node);
  node.args.forEach((arg) => walk(arg, visit));
}

const readLocation = (node: OperatorNode) => (node.args[0] && (node.name === 'var' || node.name === 'attr') ? node.args[0].path : node.path);

/** The type at a path: a field, an object holding fields, or a value inside an object or `any` field. */
function typeOfPath(path: string, fields: Map<string, ContextType>): ContextType | undefined {
  const exact = fields.get(path);
  if (exact) return exact;
  for (const [field, type] of fields) {
    if (field.startsWith(`${path}.`)) return 'object';
    if (path.startsWith(`${field}.`) && (type === 'object' || type === 'any' || type === 'array')) return 'any';
  }
  return undefined;
}

function candidatePaths(fields: Map<string, ContextType>): Set<string> {
  const candidates = new Set<string>();
  for (const field of fields.keys()) {
    const segments = field.split('.');
    segments.forEach((_, index) => candidates.add(segments.slice(0, index + 1).join('.')));
  }
  return candidates;
}

interface Typed {
  type: ContextType;
  literal?: unknown;
  label: string;
}

function typed(node: Node, types: Map<Node, ContextType>): Typed {
  if (node.kind === 'array') return { type: 'array', label: 'a list' };
  if (node.kind === 'literal') {
    const value = node.value;
    const type: ContextType = value === null ? 'any' : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : (typeof value as ContextType);
    return { type, literal: value, label: `${JSON.stringify(value)}` };
  }
  const type = types.get(node) ?? node.definition.result;
  const read = node.definition.reads?.(node)[0];
  return { type, label: read && types.has(node) ? `${read} (${type})` : `the result of '${node.name}' (${type})` };
}

type Kind = 'time' | 'text' | 'number' | 'boolean' | 'array' | 'object' | 'any';
const kindOf = (type: ContextType): Kind => (type === 'date' || type === 'datetime' ? 'time' : type === 'string' ? 'text' : type);

/** Whether two typed values clearly do not belong together (texts may hold numbers and ISO dates). */
function mismatch(a: Typed, b: Typed): boolean {
  const [x, y] = [kindOf(a.type), kindOf(b.type)];
  if (x === 'any' || y === 'any' || x === y) return false;
  const text = x === 'text' ? a : y === 'text' ? b : undefined;
  const other = text === a ? y : x;
  if (!text) return true;
  if (!('literal' in text)) return other !== 'time' && other !== 'number';
  if (other === 'time') return toInstant(text.literal) === null;
  if (other === 'number') return Number.isNaN(Number(text.literal));
  return true;
}

function checkTypes(node: OperatorNode, typeOf: (node: Node) => Typed, warnings: RuleIssue[]): void {
  const args = node.args.map(typeOf);
  if (COMPARISONS.has(node.name)) {
    for (let index = 0; index + 1 < args.length; index++) {
      if (mismatch(args[index], args[index + 1])) {
        warnings.push({ path: node.path, message: `'${node.name}' compares ${args[index].label} with ${args[index + 1].label}` });
      }
    }
    return;
  }
  const expected = node.definition.argType;
  if (!expected) return;
  args.forEach((arg, index) => {
    const type = expected(index, args.length);
    if (mismatch({ type, label: type }, arg)) {
      warnings.push({ path: node.args[index].path, message: `'${node.name}' expects ${type === 'datetime' ? 'a date' : `a ${type}`} here, not ${arg.label}` });
    }
  });
}
