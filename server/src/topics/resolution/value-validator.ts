import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import localize from 'ajv-i18n';
import { matchesMask } from './mask';
import { message, type Language } from './messages';
import type { ResolvedAttribute } from './resolved';
import { valueSchema, type JsonSchema, type ValueShape } from './value-types';

export interface ValueIssue {
  /** The attribute code, with `[n]` for one value of a multiple-choice attribute. */
  path: string;
  message: string;
}

export interface AttributeWrite {
  /** New values by attribute code; `null` clears one. */
  values: Record<string, unknown>;
  /** What the request holds already, so a required check sees values not being written now. */
  current?: Record<string, unknown>;
  /** True before a transition (or creation) that needs required attributes filled. */
  enforceRequired: boolean;
  language: Language;
}

// verbose: errors carry their schema, which the mask and scale messages quote.
const ajv = new Ajv({ allErrors: true, strict: true, messages: false, verbose: true });
addFormats(ajv, { keywords: true });
ajv.addKeyword({ keyword: 'x-docket-mask', type: 'string', schemaType: 'string', validate: (mask: string, data: string) => matchesMask(mask, data) });
ajv.addKeyword({ keyword: 'x-docket-scale', type: 'number', schemaType: 'number', validate: (scale: number, data: number) => Number(data.toFixed(scale)) === data });

/** Annotations of the form schema (see form-schema.ts) that clients read and validation ignores. */
ajv.addVocabulary(['x-docket-group', 'x-docket-groups', 'x-docket-mask-pattern']);

/** Compiled schemas by their text; bounded, because every distinct attribute shape compiles once. */
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 1000;

export function validatorFor(schema: JsonSchema): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

/** Checks one value against an attribute's type, bounds, regex, mask and allowed values. */
export function valueIssues(code: string, shape: ValueShape, value: unknown, language: Language, allowedValues?: readonly unknown[] | null): ValueIssue[] {
  const validate = validatorFor(valueSchema(shape, allowedValues));
  if (validate(value)) return [];
  return localizedIssues(validate.errors ?? [], language, code);
}

/** ajv errors in the user's language, with paths in attribute codes (`PHONES[1]`). */
export function localizedIssues(ajvErrors: ErrorObject[], language: Language, prefix = ''): ValueIssue[] {
  const errors = [...ajvErrors];
  localize[language](errors);
  return errors.map((error) => ({ path: prefix + pathOf(error.instancePath, prefix === ''), message: describe(error, language) }));
}

/**
 * Every write of attribute values by a client: hidden and read-only attributes cannot be set, each value
 * must fit its attribute, and required ones must be filled when `enforceRequired`.
 */
export function validateAttributeWrite(attributes: readonly ResolvedAttribute[], write: AttributeWrite): ValueIssue[] {
  const byCode = new Map(attributes.map((attribute) => [attribute.code, attribute]));
  const issues: ValueIssue[] = [];
  for (const [code, value] of Object.entries(write.values)) {
    const attribute = byCode.get(code);
    if (!attribute) issues.push({ path: code, message: message('unknown', write.language) });
    else if (attribute.hidden) issues.push({ path: code, message: message('hidden', write.language) });
    else if (attribute.readOnly) issues.push({ path: code, message: message('readOnly', write.language) });
    else if (value !== null) issues.push(...valueIssues(code, attribute, value, write.language, attribute.allowedValues));
  }
  if (write.enforceRequired) {
    for (const attribute of attributes.filter((candidate) => candidate.required)) {
      const value = Object.hasOwn(write.values, attribute.code) ? write.values[attribute.code] : write.current?.[attribute.code];
      if (isEmpty(value) && !issues.some((issue) => issue.path === attribute.code)) issues.push({ path: attribute.code, message: message('required', write.language) });
    }
  }
  return issues;
}

export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** `/PHONES/1` → `PHONES[1]` from the form's root, `[1]` below an attribute already named. */
function pathOf(instancePath: string, fromRoot: boolean): string {
  const segments = instancePath.split('/').filter(Boolean);
  const [first, ...rest] = fromRoot ? segments : ['', ...segments];
  return (first ?? '') + rest.map((segment) => `[${segment}]`).join('');
}

function describe(error: ErrorObject, language: Language): string {
  if (error.keyword === 'x-docket-mask') return message('mask', language, { mask: String(error.schema) });
  if (error.keyword === 'x-docket-scale') return message('scale', language, { scale: String(error.schema) });
  return error.message ?? error.keyword;
}
