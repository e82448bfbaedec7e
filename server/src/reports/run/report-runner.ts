import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { sqlDialect } from '../../database/sql-dialect';
import { actorQueues } from '../../queues/queue-access';
import { CustomerRequest } from '../../requests/entities/customer-request.entity';
import { RequestListQuery } from '../../requests/list/request-list.query';
import { READ_ALL } from '../../requests/processing/request-access';
import { refuseHiddenAttributes, storedListAttributes } from '../../requests/views/list-spec';
import { AGE_BUCKETS, ageBucketCase } from '../age-buckets';
import { MAX_REPORT_ROWS } from '../definitions/report-spec';
import type { ReportSpec } from '../definitions/report-vocabulary';
import { DEFAULT_PERIOD, DIMENSION_TABLE, MEASURE_TABLE, periodColumn, type MeasureContext } from './report-columns';

export type Cell = string | number | null;

export interface ReportColumn {
  key: string;
  label: string;
  kind: 'dimension' | 'measure';
}

export interface ReportResult {
  generatedAt: string;
  /** The queues counted: every queue for `requests.read.all`, otherwise the caller's own. */
  scope: 'all' | 'mine';
  columns: ReportColumn[];
  /** A dimension holding an id (topic, queue, assignee, client) gives its name, and the id as `<dimension>Id`. */
  rows: Record<string, Cell>[];
  /** More groups matched than the row limit; the rows are the first ones. */
  truncated: boolean;
  limit: number;
}

type Raw = Record<string, unknown>;

/**
 * Computes a report in one GROUP BY over the requests (and, for breaches, their breach rows) the actor may read:
 * every queue with `requests.read.all`, else only the queues they are in. The filters go through the request
 * list's query, so `where` means exactly what the list's filters mean (dynamic attributes included).
 */
export async function runReport(manager: EntityManager, actor: Principal, spec: ReportSpec, now: Date, rowCap = MAX_REPORT_ROWS): Promise<ReportResult> {
  const readAll = actor.permissions.has(READ_ALL as never);
  const queueIds = readAll ? undefined : (await actorQueues(manager, actor)).member;
  const where = spec.where ?? [];
  if (!readAll) await refuseHiddenAttributes(manager, where.map((filter, index) => ({ path: `definition.where.${index}.field`, field: filter.field })));
  const dialect = sqlDialect(manager);
  const attributes = await storedListAttributes(manager);
  const period = periodColumn(spec.period?.field ?? DEFAULT_PERIOD[spec.dataset]);
  const window = periodWindow(spec, now);
  const dimensions = spec.groupBy.map((dimension) => (dimension === 'age' ? ageBucketCase('r.createdAt', now) : { sql: DIMENSION_TABLE[dimension].sql(spec.dataset, period, dialect), parameters: {} }));
  /** The rows the report counts, their dimensions selected as d0, d1…: the same for the GROUP BY and for medians. */
  const rowsCounted = (): SelectQueryBuilder<CustomerRequest> => {
    const builder = manager.getRepository(CustomerRequest).createQueryBuilder('r');
    if (spec.dataset === 'breaches') builder.innerJoin('sla_breaches', 'b', "b.requestId = r.id AND b.kind = 'breach'");
    new RequestListQuery(attributes).apply(builder, { queueIds, open: spec.open, filters: where, sort: [], page: 1, pageSize: 1 }, true);
    if (window.from) builder.andWhere(`${period} >= :periodFrom`, { periodFrom: window.from });
    if (window.to) builder.andWhere(`${period} < :periodTo`, { periodTo: window.to });
    builder.select([]).setParameter('reportNow', now);
    dimensions.forEach((dimension, index) => builder.setParameters(dimension.parameters).addSelect(dimension.sql, `d${index}`));
    return builder;
  };
  const context: MeasureContext = {
    dialect,
    now: ':reportNow',
    repeatDays: spec.repeatDays ?? 0,
    queueCondition: (alias: string) => (queueIds === undefined ? '' : queueIds.length ? ` AND ${alias}.queueId IN (${queueIds.map(Number).join(', ')})` : ' AND 1 = 0'),
  };
  const builder = rowsCounted();
  dimensions.forEach((_, index) => builder.addGroupBy(`d${index}`));
  spec.measures.forEach((measure, index) => builder.addSelect(MEASURE_TABLE[measure].sql(context), `m${index}`));
  const limit = Math.min(spec.limit ?? rowCap, rowCap);
  // Medians are filled in after the GROUP BY, so they cannot order it.
  const ordered = (spec.groupBy.length > 0 && DIMENSION_TABLE[spec.groupBy[0]].ordered) || MEASURE_TABLE[spec.measures[0]].medianOf;
  if (!ordered) builder.orderBy('m0', 'DESC');
  dimensions.forEach((_, index) => builder.addOrderBy(`d${index}`, 'ASC'));
  const raw: Raw[] = await builder.limit(limit + 1).getRawMany();
  for (const [index, measure] of spec.measures.entries()) {
    const median = MEASURE_TABLE[measure].medianOf?.(context);
    if (median) await fillMedians(manager, rowsCounted(), dimensions.map((dimension) => dimension.sql), median, raw, `m${index}`);
  }
  const rows = await labelled(manager, spec, raw.slice(0, limit));
  if (spec.groupBy[0] === 'age') rows.sort((a, b) => ageIndex(a.age) - ageIndex(b.age));
  return { generatedAt: now.toISOString(), scope: readAll ? 'all' : 'mine', columns: columnsOf(spec), rows, truncated: raw.length > limit, limit };
}

/**
 * The median of `value` per group, written into each raw row's `key`: numbered in order within the group by a
 * window function (both databases have them), the middle one or the two middle ones averaged.
 */
async function fillMedians(manager: EntityManager, counted: SelectQueryBuilder<CustomerRequest>, dimensions: string[], value: string, raw: Raw[], key: string): Promise<void> {
  const partition = dimensions.length ? `PARTITION BY ${dimensions.join(', ')}` : '';
  counted.addSelect(value, 'x').addSelect(`ROW_NUMBER() OVER (${partition} ORDER BY ${value})`, 'rn').addSelect(`COUNT(*) OVER (${partition})`, 'n').andWhere(`${value} IS NOT NULL`);
  const names = dimensions.map((_, index) => `d${index}`);
  // The middle rows: 2·rn is n when n is even (with n + 2, its pair), and n + 1 when n is odd.
  const middle = manager.createQueryBuilder().from(`(${counted.getQuery()})`, 't').setParameters(counted.getParameters()).select('AVG(t.x)', 'median').where('2 * t.rn BETWEEN t.n AND t.n + 2');
  names.forEach((name) => middle.addSelect(`t.${name}`, name).addGroupBy(`t.${name}`));
  const medians: Raw[] = await middle.getRawMany();
  const keyOf = (row: Raw) => JSON.stringify(names.map((name) => row[name] ?? null));
  const byGroup = new Map(medians.map((row) => [keyOf(row), row.median]));
  for (const row of raw) row[key] = byGroup.get(keyOf(row)) ?? null;
}

function periodWindow(spec: ReportSpec, now: Date): { from?: Date; to?: Date } {
  const period = spec.period;
  if (!period) return {};
  if (period.lastDays !== undefined) return { from: new Date(now.getTime() - period.lastDays * 86_400_000), to: now };
  return { from: period.from ? new Date(period.from) : undefined, to: period.to ? new Date(period.to) : undefined };
}

export function columnsOf(spec: ReportSpec): ReportColumn[] {
  return [...spec.groupBy.map((key) => ({ key, label: DIMENSION_TABLE[key].label, kind: 'dimension' as const })), ...spec.measures.map((key) => ({ key, label: MEASURE_TABLE[key].label, kind: 'measure' as const }))];
}

/** Rows keyed by dimension and measure names, ids turned into names with one read per named dimension. */
async function labelled(manager: EntityManager, spec: ReportSpec, raw: Raw[]): Promise<Record<string, Cell>[]> {
  const names = await Promise.all(
    spec.groupBy.map(async (dimension, index) => {
      const source = DIMENSION_TABLE[dimension].names;
      const ids = [...new Set(raw.map((row) => row[`d${index}`]).filter((id) => id !== null && id !== undefined).map(Number))];
      if (!source || !ids.length) return new Map<number, string>();
      const found: { id: number | string; name: string }[] = await manager.query(`SELECT id, ${source.column} AS name FROM ${source.table} WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
      return new Map(found.map((row) => [Number(row.id), String(row.name)]));
    }),
  );
  return raw.map((row) => {
    const out: Record<string, Cell> = {};
    spec.groupBy.forEach((dimension, index) => {
      const value = row[`d${index}`];
      if (DIMENSION_TABLE[dimension].names) {
        const id = value === null || value === undefined ? null : Number(value);
        out[`${dimension}Id`] = id;
        out[dimension] = id === null ? null : (names[index].get(id) ?? `#${id}`);
      } else out[dimension] = value === null || value === undefined ? null : dimension === 'priority' ? Number(value) : String(value);
    });
    spec.measures.forEach((measure, index) => {
      const value = row[`m${index}`];
      const decimals = MEASURE_TABLE[measure].decimals;
      out[measure] = value === null || value === undefined ? (decimals ? null : 0) : Number(Number(value).toFixed(decimals));
    });
    return out;
  });
}

function ageIndex(code: Cell): number {
  return AGE_BUCKETS.findIndex((bucket) => bucket.code === code);
}
