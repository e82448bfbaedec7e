import type { SelectQueryBuilder } from 'typeorm';
import type { Page } from '../../common/paging';
import { badRequest, ErrorDetail } from '../../common/docket-error';
import { escapeLike, LIKE_ESCAPE } from '../../common/sql-like';
import { VALUE_COLUMN, ValueKind } from '../storage/value-columns';
import type { CustomerRequest } from '../entities/customer-request.entity';
import { FILTER_OPERATORS, ListFilter, ListSort, RequestListSpec, StoredAttribute } from './request-list.types';

/** Request fields a list may filter and sort by, with the kind of value each holds. */
const REQUEST_FIELDS: Record<string, ValueKind> = {
  id: 'number',
  number: 'string',
  topicId: 'number',
  type: 'string',
  priority: 'number',
  status: 'string',
  queueId: 'number',
  assigneeId: 'number',
  clientId: 'number',
  subject: 'string',
  createdAt: 'instant',
  updatedAt: 'instant',
  dueAt: 'instant',
};

/** The request fields a filter may name. */
export const REQUEST_FILTER_FIELDS: readonly string[] = Object.keys(REQUEST_FIELDS);

const COMPARISON: Record<string, string> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };
const MAX_IN_VALUES = 200;

interface Target {
  /** SQL expression on the request row, for request fields and slot attributes. */
  column?: string;
  /** For attributes kept only in request_values. */
  attribute?: StoredAttribute;
  kind: ValueKind;
}

/**
 * Turns a list specification into SQL on `requests r`. Every field name is checked against a fixed list
 * or the attribute catalogue, and every value is a bound parameter, so nothing a client sends becomes SQL.
 */
export class RequestListQuery {
  private parameterCount = 0;

  constructor(private readonly attributes: ReadonlyMap<string, StoredAttribute>) {}

  /** Applies the filters and (unless `forCount`) the sort and page to a query builder over `requests` aliased `r`. */
  apply(builder: SelectQueryBuilder<CustomerRequest>, spec: RequestListSpec, forCount = false): SelectQueryBuilder<CustomerRequest> {
    this.check(spec);
    if (spec.queueIds) builder.andWhere(spec.queueIds.length ? `r.queueId IN (:...${this.name()})` : '1 = 0', { [this.last()]: spec.queueIds });
    if (spec.open !== undefined) builder.andWhere(`r.isOpen = :${this.name()}`, { [this.last()]: spec.open });
    // Archived requests are all closed, so open lists need no archive condition (and keep their index-only counts).
    if (spec.archived) builder.andWhere('r.archivedAt IS NOT NULL');
    else if (spec.open !== true) builder.andWhere('r.archivedAt IS NULL');
    if (spec.watchedBy !== undefined) builder.andWhere(`r.id IN (SELECT w.requestId FROM request_watchers w WHERE w.userId = :${this.name()})`, { [this.last()]: spec.watchedBy });
    // One EXISTS per tag, each a probe of the (requestId, tag) key: a request must carry them all.
    for (const tag of spec.tags ?? []) {
      const parameter = this.name();
      builder.andWhere(`EXISTS (SELECT 1 FROM request_tags t_${parameter} WHERE t_${parameter}.requestId = r.id AND t_${parameter}.tag = :${parameter})`, { [parameter]: tag });
    }
    spec.filters.forEach((filter) => this.applyFilter(builder, filter, spec));
    if (forCount) return builder;
    spec.sort.forEach((sort, index) => this.applySort(builder, sort, index, spec));
    builder.addOrderBy('r.id', spec.sort.at(-1)?.direction === 'asc' ? 'ASC' : 'DESC');
    return builder.offset((spec.page - 1) * spec.pageSize).limit(spec.pageSize);
  }

  /**
   * One page and its total. A list sorted by one attribute kept only as typed values is read in the
   * order of that attribute's (attributeId, queueId, isOpen, value, requestId) index, so a page costs
   * its rows rather than a sort of the whole queue: first the requests that have a value, in index
   * order, then those without one (by id), or the other way round when ascending, as SQL orders NULL
   * before any value.
   */
  async fetch(builderFor: () => SelectQueryBuilder<CustomerRequest>, spec: RequestListSpec): Promise<Omit<Page<CustomerRequest>, 'page' | 'pageSize'>> {
    this.check(spec);
    const total = (await this.countFromValues(builderFor(), spec)) ?? (await this.apply(builderFor(), spec, true).getCount());
    const sort = spec.sort.length === 1 ? spec.sort[0] : undefined;
    const attribute = sort ? this.target(sort.field)?.attribute : undefined;
    if (!sort || !attribute || total === 0 || spec.archived) return { items: total ? await this.apply(builderFor(), spec).getMany() : [], total };
    const direction = sort.direction === 'asc' ? 'ASC' : 'DESC';
    const withValue = (builder: SelectQueryBuilder<CustomerRequest>) => this.withSortValue(builder, spec, attribute, direction);
    const withoutValue = (builder: SelectQueryBuilder<CustomerRequest>) => this.withoutSortValue(builder, spec, attribute, direction);
    const [first, second] = direction === 'DESC' ? [withValue, withoutValue] : [withoutValue, withValue];
    const offset = (spec.page - 1) * spec.pageSize;
    const head = await first(builderFor()).offset(offset).limit(spec.pageSize).getMany();
    if (head.length === spec.pageSize) return { items: head, total };
    const firstCount = head.length > 0 || offset === 0 ? offset + head.length : await first(builderFor()).getCount();
    const tail = await second(builderFor())
      .offset(Math.max(0, offset - firstCount))
      .limit(spec.pageSize - head.length)
      .getMany();
    return { items: [...head, ...tail], total };
  }

  /**
   * The total of open requests of given queues filtered only by typed values, counted on the values'
   * index ranges alone: the value rows repeat the request's queue and state, so `requests` is not read.
   * Null when the filters need the request row.
   */
  private async countFromValues(builder: SelectQueryBuilder<CustomerRequest>, spec: RequestListSpec): Promise<number | null> {
    if (spec.open !== true || !spec.queueIds?.length || spec.watchedBy !== undefined || spec.tags?.length || spec.archived || spec.filters.length === 0) return null;
    const attributes = spec.filters.map((filter) => (filter.op === 'isNull' || filter.op === 'ne' ? undefined : this.target(filter.field)?.attribute));
    if (attributes.some((attribute) => !attribute)) return null;
    const [first, ...rest] = spec.filters.map((filter, index) => this.valuesSubquery(attributes[index]!, filter, spec));
    const count = builder.connection.createQueryBuilder().select('COUNT(DISTINCT c.requestId)', 'total').from(`(${first.sql})`, 'c').setParameters(first.parameters);
    rest.forEach((subquery) => count.andWhere(`c.requestId IN (${subquery.sql})`, subquery.parameters));
    const row: { total: number | string } | undefined = await count.getRawOne();
    return Number(row?.total ?? 0);
  }

  private withSortValue(builder: SelectQueryBuilder<CustomerRequest>, spec: RequestListSpec, attribute: StoredAttribute, direction: 'ASC' | 'DESC') {
    this.apply(builder, { ...spec, sort: [] }, true);
    const column = `s.${VALUE_COLUMN[attribute.kind]}`;
    const parts = [`s.requestId = r.id`, `s.attributeId = :${this.name()}`, 's.ord = 0', `${column} IS NOT NULL`];
    const parameters: Record<string, unknown> = { [this.last()]: attribute.attributeId };
    // The request's queue and state repeated on the value row put the join on the index range that is already in order.
    if (spec.queueIds?.length) {
      parts.push(`s.queueId IN (:...${this.name()})`);
      parameters[this.last()] = spec.queueIds;
    }
    if (spec.open !== undefined) {
      parts.push(`s.isOpen = :${this.name()}`);
      parameters[this.last()] = spec.open;
    }
    return builder.innerJoin('request_values', 's', parts.join(' AND '), parameters).orderBy(column, direction).addOrderBy('s.requestId', direction);
  }

  private withoutSortValue(builder: SelectQueryBuilder<CustomerRequest>, spec: RequestListSpec, attribute: StoredAttribute, direction: 'ASC' | 'DESC') {
    this.apply(builder, { ...spec, sort: [] }, true);
    const column = `n.${VALUE_COLUMN[attribute.kind]}`;
    // MariaDB would rather walk the whole primary key for ORDER BY id LIMIT n; within one queue and state
    // this index is already in id order (InnoDB appends the key) and holds only that bucket.
    if (spec.queueIds?.length === 1 && spec.open !== undefined) builder.useIndex('IDX_requests_queue_open');
    // An anti-join probes the value's primary key per request; NOT EXISTS is turned by MariaDB into a
    // materialised scan of every value of the attribute.
    return builder
      .leftJoin('request_values', 'n', `n.requestId = r.id AND n.attributeId = :${this.name()} AND n.ord = 0 AND ${column} IS NOT NULL`, { [this.last()]: attribute.attributeId })
      .andWhere('n.requestId IS NULL')
      .orderBy('r.id', direction);
  }

  private check(spec: RequestListSpec): void {
    const details: ErrorDetail[] = [];
    spec.filters.forEach((filter, index) => {
      if (!this.knows(filter.field)) details.push({ path: `filters.${index}.field`, message: `unknown field "${filter.field}"` });
      if (!FILTER_OPERATORS.includes(filter.op)) details.push({ path: `filters.${index}.op`, message: `unknown operator "${filter.op}"` });
    });
    spec.sort.forEach((sort, index) => {
      const target = this.target(sort.field);
      if (!target) details.push({ path: `sort.${index}.field`, message: `unknown field "${sort.field}"` });
      else if (target.kind === 'text') details.push({ path: `sort.${index}.field`, message: 'long text cannot be sorted' });
    });
    if (details.length) throw badRequest('invalid_list', 'The list filter or sort is not valid', details);
  }

  /** Whether a filter or sort may name the field: a request field, or `attr.` and an attribute's code. */
  knows(field: string): boolean {
    return this.target(field) !== undefined;
  }

  /** The column to group counts by: a request field or a list-column (slot) attribute; undefined for anything else. */
  groupColumn(field: string): string | undefined {
    const target = this.target(field);
    return target?.column && target.kind !== 'text' && field !== 'subject' && field !== 'id' ? target.column : undefined;
  }

  private target(field: string): Target | undefined {
    if (Object.hasOwn(REQUEST_FIELDS, field)) return { column: `r.${field}`, kind: REQUEST_FIELDS[field] };
    if (!field.startsWith('attr.')) return undefined;
    const attribute = this.attributes.get(field.slice('attr.'.length));
    if (!attribute) return undefined;
    return attribute.slot ? { column: `r.${attribute.slot}`, kind: attribute.kind } : { attribute, kind: attribute.kind };
  }

  private applyFilter(builder: SelectQueryBuilder<CustomerRequest>, filter: ListFilter, spec: RequestListSpec): void {
    const target = this.target(filter.field)!;
    if (target.column) {
      const { sql, parameters } = this.condition(target.column, target.kind, filter);
      builder.andWhere(sql, parameters);
      return;
    }
    const attribute = target.attribute!;
    if (filter.op === 'isNull' || filter.op === 'ne') {
      // Absent values have no row, so these are "no row matches the opposite".
      const opposite: ListFilter = filter.op === 'isNull' ? { ...filter, op: 'notNull' } : { ...filter, op: 'eq' };
      const { sql, parameters } = this.valuesSubquery(attribute, opposite, spec);
      builder.andWhere(`r.id NOT IN (${sql})`, parameters);
      return;
    }
    const { sql, parameters } = this.valuesSubquery(attribute, filter, spec);
    builder.andWhere(`r.id IN (${sql})`, parameters);
  }

  /** Driven by the attribute's (attributeId, queueId, isOpen, value) index, which also repeats the queue and state. */
  private valuesSubquery(attribute: StoredAttribute, filter: ListFilter, spec: RequestListSpec) {
    const alias = `v${this.parameterCount}`;
    const parameters: Record<string, unknown> = {};
    const parts = [`${alias}.attributeId = :${this.name()}`];
    parameters[this.last()] = attribute.attributeId;
    if (spec.queueIds?.length && !spec.archived) {
      parts.push(`${alias}.queueId IN (:...${this.name()})`);
      parameters[this.last()] = spec.queueIds;
    }
    if (spec.open !== undefined && !spec.archived) {
      parts.push(`${alias}.isOpen = :${this.name()}`);
      parameters[this.last()] = spec.open;
    }
    const condition = this.condition(`${alias}.${VALUE_COLUMN[attribute.kind]}`, attribute.kind, filter);
    parts.push(condition.sql);
    return { sql: `SELECT ${alias}.requestId FROM ${valuesTable(spec)} ${alias} WHERE ${parts.join(' AND ')}`, parameters: { ...parameters, ...condition.parameters } };
  }

  private condition(column: string, kind: ValueKind, filter: ListFilter): { sql: string; parameters: Record<string, unknown> } {
    const name = this.name();
    switch (filter.op) {
      case 'isNull':
        return { sql: `${column} IS NULL`, parameters: {} };
      case 'notNull':
        return { sql: `${column} IS NOT NULL`, parameters: {} };
      case 'in': {
        const values = Array.isArray(filter.value) ? filter.value : [];
        if (values.length === 0 || values.length > MAX_IN_VALUES) throw invalidValue(filter, `give 1 to ${MAX_IN_VALUES} values`);
        return { sql: `${column} IN (:...${name})`, parameters: { [name]: values.map((value) => coerce(kind, value, filter)) } };
      }
      case 'contains':
      case 'startsWith': {
        if (kind !== 'string' && kind !== 'text') throw invalidValue(filter, 'only text can be searched');
        const text = escapeLike(String(filter.value ?? ''));
        return { sql: `${column} LIKE :${name} ${LIKE_ESCAPE}`, parameters: { [name]: filter.op === 'contains' ? `%${text}%` : `${text}%` } };
      }
      default:
        return { sql: `${column} ${COMPARISON[filter.op]} :${name}`, parameters: { [name]: coerce(kind, filter.value, filter) } };
    }
  }

  private applySort(builder: SelectQueryBuilder<CustomerRequest>, sort: ListSort, index: number, spec: RequestListSpec): void {
    const target = this.target(sort.field)!;
    const direction = sort.direction === 'asc' ? 'ASC' : 'DESC';
    if (target.column) {
      builder.addOrderBy(target.column, direction);
      return;
    }
    const alias = `s${index}`;
    const attribute = target.attribute!;
    builder.leftJoin(valuesTable(spec), alias, `${alias}.requestId = r.id AND ${alias}.attributeId = :${this.name()} AND ${alias}.ord = 0`, {
      [this.last()]: attribute.attributeId,
    });
    builder.addOrderBy(`${alias}.${VALUE_COLUMN[attribute.kind]}`, direction);
  }

  private name(): string {
    this.parameterCount += 1;
    return this.last();
  }

  private last(): string {
    return `p${this.parameterCount}`;
  }
}

/** Archived requests keep their values in a table of their own, outside the live value indexes. */
function valuesTable(spec: RequestListSpec): string {
  return spec.archived ? 'request_values_archive' : 'request_values';
}

function coerce(kind: ValueKind, value: unknown, filter: ListFilter): string | number | Date {
  if (kind === 'number') {
    const number = typeof value === 'boolean' ? Number(value) : Number(value);
    if (value === null || value === '' || !Number.isFinite(number)) throw invalidValue(filter, 'expected a number');
    return number;
  }
  if (kind === 'instant') {
    const instant = new Date(String(value));
    if (Number.isNaN(instant.getTime())) throw invalidValue(filter, 'expected a date and time (ISO 8601)');
    return instant;
  }
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw invalidValue(filter, 'expected a text value');
  return String(value);
}

function invalidValue(filter: ListFilter, message: string) {
  return badRequest('invalid_list', `The filter on ${filter.field} is not valid: ${message}`, [{ path: 'filters.value', message }]);
}
