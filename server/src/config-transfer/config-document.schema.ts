import Ajv, { type ErrorObject } from 'ajv';
import { CODE_PATTERN } from '../common/dto-fields';
import type { ErrorDetail } from '../common/docket-error';
import { CONFIG_FORMAT, CONFIG_FORMAT_VERSION, type ConfigDocument } from './config-document';

/**
 * The shape of a configuration document. Shapes only: what the values mean (rules, references between
 * codes, route definitions) is checked by the import with the same checks the API applies.
 */
type Schema = Record<string, unknown>;

const code = { type: 'string', minLength: 1, maxLength: 64, pattern: CODE_PATTERN.source };
const nullableCode = { anyOf: [code, { type: 'null' }] };
const text = (maxLength: number) => ({ type: 'string', maxLength });
const nullableText = (maxLength: number) => ({ type: ['string', 'null'], maxLength });
const name = { type: 'string', minLength: 1, maxLength: 200 };
const int = { type: 'integer' };
const position = { type: 'integer', minimum: 0 };
const bool = { type: 'boolean' };
const json = {};
const object = { type: 'object' };
const codeList = { type: 'array', items: code, maxItems: 1000 };

/** An object with exactly these fields, all required. */
function record(properties: Schema): Schema {
  return { type: 'object', additionalProperties: false, required: Object.keys(properties), properties };
}
const list = (items: Schema) => ({ type: 'array', items });

const coded = { code, name, active: bool, position };

/** `record` with further fields a document may leave out. */
function withOptional(schema: Schema, optional: Schema): Schema {
  return { ...schema, properties: { ...(schema.properties as Schema), ...optional } };
}

const SCHEMA: Schema = withOptional(record({
  format: { const: CONFIG_FORMAT },
  formatVersion: { const: CONFIG_FORMAT_VERSION },
  exportedAt: { type: 'string' },
  dictionaries: list(
    record({ code, name, description: text(1000), hierarchical: bool, active: bool, position, items: list(record({ code, name, parentCode: nullableCode, active: bool, position })) }),
  ),
  externalDictionaries: list(record({ code, name, source: { ...object, required: ['kind'], properties: { kind: { enum: ['http', 'sql'] } } }, ttlSeconds: { type: 'integer', minimum: 0 }, active: bool, position })),
  dynamicQueries: list(
    record({
      code, name, description: text(1000), sql: text(20000),
      parameters: list(record({ name: { type: 'string', minLength: 1, maxLength: 64 }, type: { type: 'string' }, required: bool })),
      valueColumn: { type: 'string', minLength: 1, maxLength: 64 }, labelColumn: { type: 'string', minLength: 1, maxLength: 64 }, maxRows: { type: 'integer', minimum: 1 }, active: bool,
    }),
  ),
  attributeGroups: list(record({ name, order: int, collapsed: bool })),
  attributes: list(
    record({
      code, name, description: nullableText(10000), valueType: { type: 'string' }, scale: { type: ['integer', 'null'] }, dictionaryCode: nullableCode, queryCode: nullableCode,
      multiple: bool, defaultValue: json, required: json, hidden: json, readOnly: json, mask: nullableText(200), regex: nullableText(500),
      min: { type: ['number', 'string', 'null'] }, max: { type: ['number', 'string', 'null'] }, active: bool, listColumn: bool, order: int, group: { anyOf: [name, { type: 'null' }] },
    }),
  ),
  topics: list(
    record({
      code, name, description: nullableText(10000), kind: { enum: ['group', 'topic'] }, parentCode: nullableCode, active: bool, order: int,
      bindings: list(record({ attributeCode: code, required: json, hidden: json, readOnly: json, defaultValue: json, order: int })),
    }),
  ),
  queues: list(record({ code, name, description: nullableText(1000), active: bool, allowedSteps: list({ type: 'string', minLength: 1, maxLength: 128 }) })),
  slaCalendars: list(record({ code, name, definition: object })),
  slaPolicies: list(
    record({ code, name, active: bool, rank: int, condition: json, calendarCode: code, targets: object, stepLimits: object, clockRules: { type: 'array' }, warningPercent: { type: 'integer', minimum: 1, maximum: 99 } }),
  ),
  notificationTemplates: list(record({ code, language: { type: 'string', minLength: 2, maxLength: 8 }, name, subject: text(500), html: text(100000), text: text(100000), active: bool })),
  priorityMatrix: list(record({ impact: { type: 'integer', minimum: 1, maximum: 5 }, urgency: { type: 'integer', minimum: 1, maximum: 5 }, priority: { type: 'integer', minimum: 1, maximum: 5 } })),
  intake: record({
    placeKinds: list(record(coded)),
    channels: list(record(coded)),
    directions: list(record(coded)),
    contactPlaces: list(record({ ...coded, parentCode: nullableCode, kindCode: nullableCode })),
    contactTemplates: list(
      record({
        ...coded, placeKindCode: nullableCode, allowedPlaceCodes: codeList, defaultPlaceCode: nullableCode, directionCode: nullableCode, channelCode: nullableCode,
        allowedTopicCodes: codeList, defaultTopicCode: nullableCode, allowedClientCategories: codeList, defaultClientCategory: nullableCode,
      }),
    ),
  }),
  routes: list(
    record({
      code, name, description: nullableText(1000), active: bool, topicCodes: codeList,
      versions: { type: 'array', maxItems: 2, items: record({ version: { type: 'integer', minimum: 1 }, state: { enum: ['published', 'draft'] }, definition: object }) },
    }),
  ),
}), {
  questionnaires: list(record({ code, name, active: bool, definition: object })),
  reports: list(record({ code, name, description: nullableText(1000), definition: object })),
});

const validateShape = new Ajv({ allErrors: true, strict: false }).compile<ConfigDocument>(SCHEMA);

/** The problems of the document's shape, each at its dotted path (`attributes.3.code`); none for a valid one. */
export function documentShapeIssues(document: unknown): ErrorDetail[] {
  if (validateShape(document)) return [];
  return (validateShape.errors ?? []).map(detailOf);
}

function detailOf(error: ErrorObject): ErrorDetail {
  const base = error.instancePath.split('/').slice(1).join('.');
  const field = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : error.keyword === 'additionalProperties' ? (error.params as { additionalProperty: string }).additionalProperty : null;
  const path = field ? (base ? `${base}.${field}` : field) : base || '(document)';
  return { path, message: error.keyword === 'additionalProperties' ? 'unknown field' : (error.message ?? 'is not valid') };
}
