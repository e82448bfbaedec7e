import type { EntityManager } from 'typeorm';
import type { ErrorDetail } from '../../common/docket-error';
import { RequestListQuery } from '../../requests/list/request-list.query';
import { storedListAttributes } from '../../requests/views/list-spec';
import type { ReportSpec } from './report-vocabulary';

/** Conditions naming what no request has, each at its path under `base`: what the request list (which runs them) does not know. */
export async function unknownReportFields(manager: EntityManager, spec: ReportSpec, base = 'definition'): Promise<ErrorDetail[]> {
  const where = spec.where ?? [];
  if (!where.length) return [];
  const list = new RequestListQuery(await storedListAttributes(manager));
  return where.flatMap(({ field }, index) => (list.knows(field) ? [] : [{ path: `${base}.where.${index}.field`, message: `unknown field "${field}"` }]));
}
