import type { ValueKind } from '../../requests/storage/value-columns';
import type { AttributeDef, ValueType } from './definitions';

/** The fields of an attribute that shape its values. */
export type ValueShape = Pick<AttributeDef, 'valueType' | 'scale' | 'multiple' | 'regex' | 'mask' | 'min' | 'max'>;
import { maskPattern } from './mask';

/** Longest string kept in an indexed value column (see requests/storage/value-columns.ts). */
export const MAX_STRING_LENGTH = 191;
/** MySQL TEXT holds 65,535 bytes: up to four per character in utf8mb4. */
export const MAX_TEXT_LENGTH = 16_000;
/** decimal(20, 6) storage keeps 14 digits before the point. */
export const MAX_MAGNITUDE = 99_999_999_999_999;
export const MAX_SCALE = 6;

export type JsonSchema = Record<string, unknown>;

/** What min/max mean for a type. */
export type BoundKind = 'length' | 'value' | 'date' | 'datetime' | 'none';

export interface ValueTypeSpec {
  /** How rules see the value (a rule-engine ContextType). */
  contextType: 'string' | 'number' | 'boolean' | 'date' | 'datetime';
  /** The typed column of request_values that stores it. */
  storage: ValueKind;
  bounds: BoundKind;
  /** Whether a regular expression and an input mask may constrain it. */
  textual: boolean;
  /** Where its allowed values come from. */
  reference: 'dictionary' | 'externalDictionary' | 'dynamicQuery' | null;
  /** JSON Schema of one value. */
  schema(attribute: ValueShape): JsonSchema;
}

const stringSchema = (limit: number) => (attribute: ValueShape): JsonSchema => ({
  type: 'string',
  maxLength: Math.min(typeof attribute.max === 'number' ? attribute.max : limit, limit),
  ...(typeof attribute.min === 'number' ? { minLength: attribute.min } : {}),
  ...(attribute.regex ? { pattern: attribute.regex } : {}),
  ...(attribute.mask ? { 'x-docket-mask': attribute.mask } : {}),
});

const numberBounds = (attribute: ValueShape): JsonSchema => ({
  minimum: typeof attribute.min === 'number' ? attribute.min : -MAX_MAGNITUDE,
  maximum: typeof attribute.max === 'number' ? attribute.max : MAX_MAGNITUDE,
});

const formatSchema = (format: 'date' | 'date-time') => (attribute: ValueShape): JsonSchema => ({
  type: 'string',
  format,
  ...(typeof attribute.min === 'string' ? { formatMinimum: attribute.min } : {}),
  ...(typeof attribute.max === 'string' ? { formatMaximum: attribute.max } : {}),
});

const referenceSchema = (): JsonSchema => ({ type: 'string', minLength: 1, maxLength: MAX_STRING_LENGTH });

/** One entry per value type: everything type-specific lives here, nowhere else. */
export const VALUE_TYPE_SPECS: Record<ValueType, ValueTypeSpec> = {
  string: { contextType: 'string', storage: 'string', bounds: 'length', textual: true, reference: null, schema: stringSchema(MAX_STRING_LENGTH) },
  text: { contextType: 'string', storage: 'text', bounds: 'length', textual: true, reference: null, schema: stringSchema(MAX_TEXT_LENGTH) },
  integer: { contextType: 'number', storage: 'number', bounds: 'value', textual: false, reference: null, schema: (attribute) => ({ type: 'integer', ...numberBounds(attribute) }) },
  decimal: {
    contextType: 'number',
    storage: 'number',
    bounds: 'value',
    textual: false,
    reference: null,
    schema: (attribute) => ({ type: 'number', ...numberBounds(attribute), ...(attribute.scale !== null ? { 'x-docket-scale': attribute.scale } : {}) }),
  },
  boolean: { contextType: 'boolean', storage: 'number', bounds: 'none', textual: false, reference: null, schema: () => ({ type: 'boolean' }) },
  date: { contextType: 'date', storage: 'instant', bounds: 'date', textual: false, reference: null, schema: formatSchema('date') },
  datetime: { contextType: 'datetime', storage: 'instant', bounds: 'datetime', textual: false, reference: null, schema: formatSchema('date-time') },
  dictionary: { contextType: 'string', storage: 'string', bounds: 'none', textual: false, reference: 'dictionary', schema: referenceSchema },
  externalDictionary: { contextType: 'string', storage: 'string', bounds: 'none', textual: false, reference: 'externalDictionary', schema: referenceSchema },
  dynamicQuery: { contextType: 'string', storage: 'string', bounds: 'none', textual: false, reference: 'dynamicQuery', schema: referenceSchema },
};

/** JSON Schema of the attribute's whole value (an array of distinct values for multiple choice). */
export function valueSchema(attribute: ValueShape, allowedValues?: readonly unknown[] | null): JsonSchema {
  const item = VALUE_TYPE_SPECS[attribute.valueType].schema(attribute);
  if (allowedValues) item.enum = [...allowedValues];
  return attribute.multiple ? { type: 'array', items: item, uniqueItems: true } : item;
}

/** The mask as a regular expression, for clients that cannot read `x-docket-mask`. */
export function maskSchemaPattern(attribute: ValueShape): string | null {
  return attribute.mask ? maskPattern(attribute.mask) : null;
}
