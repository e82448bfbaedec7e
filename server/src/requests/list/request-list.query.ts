import type { SelectQueryBuilder } from 'typeorm';
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
    spec.filters.forEach((filter) => this.applyFilter(builder, filter, spec));
    if (forCount) return builder;
    spec.sort.forEach((sort, index) => this.applySort(builder, sort, index));
    builder.addOrderBy('r.id', spec.sort.at(-1)?.direction === 'asc' ? 'ASC' : 'DESC');
    return builder.offset((spec.page - 1) * spec.pageSize).limit(spec.pageSize);
  }

  private check(spec: RequestListSpec): void {
    const details: ErrorDetail[] = [];
    spec.filters.forEach((filter, index) => {
      if (!this.target(filter.field)) details.push({ path: `filters.${index}.field`, message: `unknown field "${filter.field}"` });
      if (!FILTER_OPERATORS.includes(filter.op)) details.push({ path: `filters.${index}.op`, message: `unknown operator "${filter.op}"` });
    });
    spec.sort.forEach((sort, index) => {
      const target = this.target(sort.field);
      if (!target) details.push({ path: `sort.${index}.field`, message: `unknown field "${sort.field}"` });
      else if (target.kind === 'text') details.push({ path: `sort.${index}.field`, message: 'long text cannot be sorted' });
    });
    if (details.length) throw badRequest('invalid_list', 'The list filter or sort is not valid', details);
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
    if (spec.queueIds?.length) {
      parts.push(`${alias}.queueId IN (:...${this.name()})`);
      parameters[this.last()] = spec.queueIds;
    }
    if (spec.open !== undefined) {
      parts.push(`${alias}.isOpen = :${this.name()}`);
      parameters[this.last()] = spec.open;
    }
    const condition = this.condition(`${alias}.${VALUE_COLUMN[attribute.kind]}`, attribute.kind, filter);
    parts.push(condition.sql);
    return { sql: `SELECT ${alias}.requestId FROM request_values ${alias} WHERE ${parts.join(' AND ')}`, parameters: { ...parameters, ...condition.parameters } };
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

  private applySort(builder: SelectQueryBuilder<CustomerRequest>, sort: ListSort, index: number): void {
    const target = this.target(sort.field)!;
    const direction = sort.direction === 'asc' ? 'ASC' : 'DESC';
    if (target.column) {
      builder.addOrderBy(target.column, direction);
      return;
    }
    const alias = `s${index}`;
    const attribute = target.attribute!;
    builder.leftJoin('request_values', alias, `${alias}.requestId = r.id AND ${alias}.attributeId = :${this.name()} AND ${alias}.ord = 0`, {
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
