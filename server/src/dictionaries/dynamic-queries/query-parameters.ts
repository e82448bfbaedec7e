import type { ErrorDetail } from '../../common/docket-error';

export const PARAMETER_TYPES = ['string', 'integer', 'decimal', 'boolean', 'date', 'datetime'] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

export interface QueryParameter {
  name: string;
  type: ParameterType;
  required: boolean;
}

type Bound = string | number | Date | null;

const COERCE: Record<ParameterType, (value: unknown) => Bound | undefined> = {
  string: (value) => (typeof value === 'string' && value.length <= 1000 ? value : undefined),
  integer: (value) => (typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined),
  decimal: (value) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined),
  // 1/0 rather than true/false: what both databases store for a boolean column.
  boolean: (value) => (typeof value === 'boolean' ? (value ? 1 : 0) : undefined),
  date: (value) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined),
  datetime: (value) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(value) : undefined,
};

const TYPE_MESSAGE: Record<ParameterType, string> = {
  string: 'must be text of at most 1000 characters',
  integer: 'must be an integer',
  decimal: 'must be a number',
  boolean: 'must be true or false',
  date: 'must be a date (YYYY-MM-DD)',
  datetime: 'must be an ISO date-time',
};

/** Checks the values a caller sends against the query's declared parameters and returns them in placeholder order. */
export function bindParameters(
  declared: readonly QueryParameter[],
  order: readonly string[],
  input: Record<string, unknown>,
): { values: Bound[]; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const byName = new Map(declared.map((parameter) => [parameter.name, parameter]));
  for (const name of Object.keys(input)) if (!byName.has(name)) errors.push({ path: `params.${name}`, message: 'unknown parameter' });
  const coerced = new Map<string, Bound>();
  for (const parameter of declared) {
    const raw = input[parameter.name];
    if (raw === undefined || raw === null) {
      if (parameter.required) errors.push({ path: `params.${parameter.name}`, message: 'is required' });
      coerced.set(parameter.name, null);
      continue;
    }
    const value = COERCE[parameter.type](raw);
    if (value === undefined) errors.push({ path: `params.${parameter.name}`, message: TYPE_MESSAGE[parameter.type] });
    else coerced.set(parameter.name, value);
  }
  return { values: order.map((name) => coerced.get(name) ?? null), errors };
}

/** Every placeholder must be declared, and every declared parameter used. */
export function checkDeclarations(declared: readonly QueryParameter[], order: readonly string[]): ErrorDetail[] {
  const names = new Set(declared.map((parameter) => parameter.name));
  const used = new Set(order);
  return [
    ...[...used].filter((name) => !names.has(name)).map((name) => ({ path: 'sql', message: `the parameter :${name} is not declared` })),
    ...[...names].filter((name) => !used.has(name)).map((name) => ({ path: 'parameters', message: `the parameter ${name} is not used in the query` })),
  ];
}
