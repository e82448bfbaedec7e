import { In, type EntityManager } from 'typeorm';
import type { ErrorDetail } from '../../common/docket-error';
import { REQUEST_FILTER_FIELDS } from '../../requests/list/request-list.query';
import { AttributeDefinition } from '../../topics/entities/attribute-definition.entity';
import type { ReportSpec } from './report-vocabulary';

const ATTRIBUTE_PREFIX = 'attr.';

/** Conditions naming what no request has, each at its path under `base`: neither a request field nor `attr.` and an attribute's code. */
export async function unknownReportFields(manager: EntityManager, spec: ReportSpec, base = 'definition'): Promise<ErrorDetail[]> {
  const where = spec.where ?? [];
  const codes = where.filter(({ field }) => field.startsWith(ATTRIBUTE_PREFIX)).map(({ field }) => field.slice(ATTRIBUTE_PREFIX.length));
  const attributes = codes.length ? await manager.find(AttributeDefinition, { where: { code: In(codes) }, select: { code: true } }) : [];
  const known = new Set([...REQUEST_FILTER_FIELDS, ...attributes.map(({ code }) => `${ATTRIBUTE_PREFIX}${code}`)]);
  return where.flatMap(({ field }, index) => (known.has(field) ? [] : [{ path: `${base}.where.${index}.field`, message: `unknown field "${field}"` }]));
}
