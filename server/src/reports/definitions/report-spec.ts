import Ajv, { type ErrorObject } from 'ajv';
import { badRequest, type ErrorDetail } from '../../common/docket-error';
import { FILTER_OPERATORS } from '../../requests/list/request-list.types';
import { DATASET_OFFERS, DATASETS, DIMENSIONS, MEASURES, PERIOD_FIELDS, type ReportSpec } from './report-vocabulary';

export const MAX_REPORT_ROWS = 10_000;

const isoInstant = { type: 'string', format: 'date-time' };
const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['dataset', 'groupBy', 'measures'],
  properties: {
    dataset: { enum: DATASETS },
    period: {
      type: 'object',
      additionalProperties: false,
      required: ['field'],
      properties: { field: { enum: PERIOD_FIELDS }, from: isoInstant, to: isoInstant, lastDays: { type: 'integer', minimum: 1, maximum: 3660 } },
    },
    open: { type: 'boolean' },
    where: {
      type: 'array',
      maxItems: 50,
      items: { type: 'object', additionalProperties: false, required: ['field', 'op'], properties: { field: { type: 'string', minLength: 1, maxLength: 80 }, op: { enum: FILTER_OPERATORS }, value: {} } },
    },
    groupBy: { type: 'array', maxItems: 3, uniqueItems: true, items: { enum: DIMENSIONS } },
    measures: { type: 'array', minItems: 1, maxItems: 8, uniqueItems: true, items: { enum: MEASURES } },
    repeatDays: { type: 'integer', minimum: 1, maximum: 365 },
    limit: { type: 'integer', minimum: 1, maximum: MAX_REPORT_ROWS },
  },
};

const ajv = new Ajv({ allErrors: true, strict: true });
// Formats by hand rather than ajv-formats' full set: one is needed.
ajv.addFormat('date-time', { type: 'string', validate: (value: string) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)) });
const validateShape = ajv.compile<ReportSpec>(SCHEMA);

/** The definition as given, checked: 400 `invalid_report` with the path of every problem. */
export function checkReportSpec(value: unknown, base = 'definition'): ReportSpec {
  const details = reportSpecIssues(value, base);
  if (details.length) throw badRequest('invalid_report', 'The report definition is not valid', details);
  return value as ReportSpec;
}

/** The problems of a definition, each at its path under `base`: its shape first, then what its dataset offers. None for a valid one. */
export function reportSpecIssues(value: unknown, base = 'definition'): ErrorDetail[] {
  if (!validateShape(value)) return (validateShape.errors ?? []).map((error) => detailOf(error, base));
  const offers = DATASET_OFFERS[value.dataset];
  const details = [
    ...value.groupBy.flatMap((dimension, index) => (offers.dimensions.includes(dimension) ? [] : [{ path: `${base}.groupBy.${index}`, message: `the ${value.dataset} dataset has no dimension "${dimension}"` }])),
    ...value.measures.flatMap((measure, index) => (offers.measures.includes(measure) ? [] : [{ path: `${base}.measures.${index}`, message: `the ${value.dataset} dataset has no measure "${measure}"` }])),
  ];
  if (value.period && !offers.periods.includes(value.period.field)) details.push({ path: `${base}.period.field`, message: `the ${value.dataset} dataset has periods on ${offers.periods.join(', ')}` });
  if (value.period?.lastDays !== undefined && (value.period.from !== undefined || value.period.to !== undefined)) details.push({ path: `${base}.period.lastDays`, message: 'give lastDays or from/to, not both' });
  if (value.measures.includes('repeats') && value.repeatDays === undefined) details.push({ path: `${base}.repeatDays`, message: 'the repeats measure needs repeatDays' });
  if (value.groupBy.includes('age') && value.open !== true) details.push({ path: `${base}.open`, message: 'ageing groups open requests: set open to true' });
  return details;
}

function detailOf(error: ErrorObject, base: string): ErrorDetail {
  const pointer = error.instancePath.split('/').filter(Boolean).join('.');
  const property = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty: string }).additionalProperty : error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : '';
  return { path: [base, pointer, property].filter(Boolean).join('.'), message: error.message ?? 'is not valid' };
}
