import { unsafeRegexReason } from '../../../../rules/index';
import { FLAGS, isFixedDefault, isRuleSetting, type AttributeDef, type DefaultSetting } from '../resolution/definitions';
import { maskProblem } from '../resolution/mask';
import { valueIssues } from '../resolution/value-validator';
import { MAX_MAGNITUDE, MAX_SCALE, MAX_STRING_LENGTH, MAX_TEXT_LENGTH, VALUE_TYPE_SPECS } from '../resolution/value-types';

export interface ConfigIssue {
  path: string;
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Everything about one attribute that can be checked without the topics it is used in (rules are checked per topic). */
export function attributeIssues(attribute: AttributeDef): ConfigIssue[] {
  const spec = VALUE_TYPE_SPECS[attribute.valueType];
  const issues: ConfigIssue[] = [];
  const refuse = (path: string, message: string) => issues.push({ path, message });

  if (attribute.valueType === 'decimal') {
    if (attribute.scale === null || !Number.isInteger(attribute.scale) || attribute.scale < 0 || attribute.scale > MAX_SCALE) refuse('scale', `a decimal attribute needs a scale from 0 to ${MAX_SCALE}`);
  } else if (attribute.scale !== null) refuse('scale', 'only a decimal attribute has a scale');

  const needsDictionary = spec.reference === 'dictionary' || spec.reference === 'externalDictionary';
  if (needsDictionary && !attribute.dictionaryCode) refuse('dictionaryCode', `a ${attribute.valueType} attribute needs the code of its dictionary`);
  if (!needsDictionary && attribute.dictionaryCode) refuse('dictionaryCode', `a ${attribute.valueType} attribute takes no dictionary`);
  if (spec.reference === 'dynamicQuery' && !attribute.queryCode) refuse('queryCode', 'a dynamicQuery attribute needs the code of its query');
  if (spec.reference !== 'dynamicQuery' && attribute.queryCode) refuse('queryCode', `a ${attribute.valueType} attribute takes no dynamic query`);

  if (attribute.regex !== null) {
    if (!spec.textual) refuse('regex', `a ${attribute.valueType} attribute cannot have a regular expression`);
    else {
      const problem = unsafeRegexReason(attribute.regex);
      if (problem) refuse('regex', problem);
    }
  }
  if (attribute.mask !== null) {
    if (!spec.textual) refuse('mask', `a ${attribute.valueType} attribute cannot have an input mask`);
    else {
      const problem = maskProblem(attribute.mask);
      if (problem) refuse('mask', problem);
    }
  }

  issues.push(...boundIssues(attribute));
  if (attribute.listColumn && spec.storage === 'text') refuse('listColumn', 'long text cannot be a list column: it is not indexed (full-text search covers it)');
  for (const flag of FLAGS) if (!isFlagSetting(attribute[flag])) refuse(flag, 'must be true, false or {"rule": <JSONLogic>}');
  if (attribute.defaultValue !== null) issues.push(...defaultIssues(attribute, attribute.defaultValue, 'defaultValue'));
  return issues;
}

/** A fixed default must be a valid value of the attribute; a rule default is checked with the other rules. */
export function defaultIssues(attribute: AttributeDef, setting: DefaultSetting, path: string): ConfigIssue[] {
  if (isRuleSetting(setting)) return [];
  if (!isFixedDefault(setting)) return [{ path, message: 'must be {"fixed": <value>} or {"rule": <JSONLogic>}' }];
  return valueIssues(attribute.code, attribute, setting.fixed, 'en').map((issue) => ({
    path: `${path}.fixed${issue.path.slice(attribute.code.length)}`,
    message: `the default ${JSON.stringify(setting.fixed)} does not fit the attribute: ${issue.message}`,
  }));
}

export function isFlagSetting(value: unknown): boolean {
  return typeof value === 'boolean' || isRuleSetting(value);
}

function boundIssues(attribute: AttributeDef): ConfigIssue[] {
  const bounds = VALUE_TYPE_SPECS[attribute.valueType].bounds;
  const issues: ConfigIssue[] = [];
  for (const name of ['min', 'max'] as const) {
    const bound = attribute[name];
    if (bound === null) continue;
    const problem = boundProblem(bounds, attribute.valueType, bound);
    if (problem) issues.push({ path: name, message: problem });
  }
  if (!issues.length && attribute.min !== null && attribute.max !== null && compareBounds(attribute.min, attribute.max) > 0) {
    issues.push({ path: 'min', message: `min (${attribute.min}) is greater than max (${attribute.max})` });
  }
  return issues;
}

function boundProblem(bounds: string, valueType: string, bound: number | string): string | null {
  switch (bounds) {
    case 'length': {
      const limit = valueType === 'text' ? MAX_TEXT_LENGTH : MAX_STRING_LENGTH;
      return Number.isInteger(bound) && (bound as number) >= 0 && (bound as number) <= limit ? null : `a length bound is a whole number from 0 to ${limit}`;
    }
    case 'value':
      if (typeof bound !== 'number' || !Number.isFinite(bound) || Math.abs(bound) > MAX_MAGNITUDE) return `a bound of a ${valueType} attribute is a number within ±${MAX_MAGNITUDE}`;
      return valueType === 'integer' && !Number.isInteger(bound) ? 'a bound of an integer attribute is a whole number' : null;
    case 'date':
      return typeof bound === 'string' && ISO_DATE.test(bound) && !Number.isNaN(Date.parse(bound)) ? null : 'a bound of a date attribute is a date like 2025-01-31';
    case 'datetime':
      return typeof bound === 'string' && ISO_DATETIME.test(bound) && !Number.isNaN(Date.parse(bound)) ? null : 'a bound of a datetime attribute is an instant like 2025-01-31T09:00:00Z';
    default:
      return `a ${valueType} attribute has no min or max`;
  }
}

function compareBounds(min: number | string, max: number | string): number {
  return typeof min === 'number' && typeof max === 'number' ? min - max : Date.parse(String(min)) - Date.parse(String(max));
}
