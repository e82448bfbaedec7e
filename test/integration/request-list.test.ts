import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { RequestListQuery } from '../../server/src/requests/list/request-list.query';
import type { ListFilter, RequestListSpec } from '../../server/src/requests/list/request-list.types';
import { migratedScratchDatabase, ScratchDatabase, testDatabases } from '../helpers/databases';
import { CITIES, generateRequest, insertRequests, REGIONS, SAMPLE_ATTRIBUTES, SampleRequest, seededRandom, STATUSES } from '../helpers/request-data';

const ATTRIBUTES = new Map(SAMPLE_ATTRIBUTES.map((attribute) => [attribute.code, attribute]));

describe.each(testDatabases())('request lists filtered and sorted by fields and dynamic attributes on %s', (database) => {
  let scratch: ScratchDatabase;
  let dataSource: DataSource;
  const random = seededRandom(7);
  const requests: SampleRequest[] = Array.from({ length: 400 }, (_, index) => generateRequest(index + 1, random, { weights: [5, 3, 2], openShare: 0.6 }));

  beforeAll(async () => {
    ({ scratch, dataSource } = await migratedScratchDatabase(database));
    await insertRequests(dataSource, requests);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await scratch?.drop();
  });

  async function list(spec: RequestListSpec): Promise<{ ids: number[]; total: number }> {
    const repository = dataSource.getRepository(CustomerRequest);
    const { items, total } = await new RequestListQuery(ATTRIBUTES).fetch(() => repository.createQueryBuilder('r'), spec);
    return { ids: items.map((request) => request.id), total };
  }

  const fieldValue = (request: SampleRequest, field: string) =>
    field.startsWith('attr.') ? request.values[field.slice(5)] : (request as unknown as Record<string, string | number | Date | null>)[field];

  function expected(spec: RequestListSpec): { ids: number[]; total: number } {
    const matches = requests
      .filter((request) => (!spec.queueIds || spec.queueIds.includes(request.queueId)) && (spec.open === undefined || request.isOpen === spec.open))
      .filter((request) => spec.filters.every((filter) => holds(fieldValue(request, filter.field), filter)));
    const ordered = [...matches].sort((a, b) => {
      for (const sort of spec.sort) {
        const order = compare(fieldValue(a, sort.field), fieldValue(b, sort.field));
        if (order) return sort.direction === 'asc' ? order : -order;
      }
      return (spec.sort.at(-1)?.direction === 'asc' ? 1 : -1) * (a.id - b.id);
    });
    const start = (spec.page - 1) * spec.pageSize;
    return { ids: ordered.slice(start, start + spec.pageSize).map((request) => request.id), total: matches.length };
  }

  const cases: [string, Partial<RequestListSpec>][] = [
    ['plain fields', { filters: [{ field: 'priority', op: 'gte', value: 2 }, { field: 'status', op: 'in', value: ['new', 'assigned'] }], sort: [{ field: 'createdAt', direction: 'desc' }] }],
    ['list-column attributes', { filters: [{ field: 'attr.city', op: 'in', value: CITIES.slice(0, 6) }, { field: 'attr.amount', op: 'gte', value: 2000 }], sort: [{ field: 'attr.contract_date', direction: 'desc' }] }],
    ['stored-only attributes', { filters: [{ field: 'attr.region', op: 'eq', value: REGIONS[2] }, { field: 'attr.score', op: 'lt', value: 70 }], sort: [{ field: 'attr.visit_date', direction: 'asc' }] }],
    ['mixed, sorted by a stored-only number', { filters: [{ field: 'attr.city', op: 'ne', value: 'pskov' }, { field: 'attr.region', op: 'notNull' }], sort: [{ field: 'attr.score', direction: 'desc' }] }],
    ['absent values', { filters: [{ field: 'attr.region', op: 'isNull' }], sort: [{ field: 'attr.city', direction: 'asc' }] }],
    ['absent list-column values', { filters: [{ field: 'attr.city', op: 'isNull' }], sort: [{ field: 'attr.amount', direction: 'asc' }] }],
    ['text search in a stored-only attribute', { filters: [{ field: 'attr.note', op: 'contains', value: 'west 1' }], sort: [] }],
    ['date range on a stored-only attribute', { filters: [{ field: 'attr.visit_date', op: 'gte', value: '2026-06-01T00:00:00Z' }, { field: 'attr.visit_date', op: 'lt', value: '2026-09-01T00:00:00Z' }], sort: [{ field: 'attr.visit_date', direction: 'desc' }] }],
    ['second page', { filters: [{ field: 'status', op: 'ne', value: STATUSES[4] }], sort: [{ field: 'attr.region', direction: 'asc' }, { field: 'attr.amount', direction: 'desc' }], page: 2 }],
  ];

  it.each(cases)('%s: the page and the total are exactly what the data says', async (_name, partial) => {
    let seen = 0;
    for (const scope of [{ queueIds: [1], open: true }, { queueIds: [1, 3] }, {}] as Partial<RequestListSpec>[]) {
      const spec: RequestListSpec = { filters: [], sort: [], page: 1, pageSize: 25, ...scope, ...partial };
      const actual = await list(spec);
      const wanted = expected(spec);
      expect(actual.total).toBe(wanted.total);
      expect(actual.ids).toEqual(wanted.ids);
      seen += actual.ids.length;
    }
    // The comparison means something only if the data actually matches the filters somewhere.
    expect(seen).toBeGreaterThan(0);
  });

  it.each(['asc', 'desc'] as const)('pages through a list sorted %s by a stored-only attribute, across requests with and without a value', async (direction) => {
    const base: Omit<RequestListSpec, 'page'> = { queueIds: [1], open: true, filters: [{ field: 'priority', op: 'lte', value: 3 }], sort: [{ field: 'attr.region', direction }], pageSize: 7 };
    const all = expected({ ...base, page: 1, pageSize: 10_000 });
    const withoutValue = requests.filter((request) => all.ids.includes(request.id) && request.values.region === null).length;
    // The walk crosses from one part to the other only if both are there.
    expect(withoutValue).toBeGreaterThan(0);
    expect(withoutValue).toBeLessThan(all.total);
    const pages = Math.ceil(all.total / base.pageSize) + 1;
    for (let page = 1; page <= pages; page++) expect(await list({ ...base, page })).toEqual(expected({ ...base, page }));
  });

  it('treats SQL-ish filter values as plain values', async () => {
    const spec: RequestListSpec = { filters: [{ field: 'attr.city', op: 'eq', value: "x' OR '1'='1" }, { field: 'attr.note', op: 'contains', value: '%_!' }], sort: [], page: 1, pageSize: 10 };
    expect(await list(spec)).toEqual({ ids: [], total: 0 });
  });

  it('refuses unknown fields and operators with their paths', async () => {
    const spec = { filters: [{ field: 'password', op: 'eq', value: 1 }, { field: 'attr.city', op: 'regexp', value: '.' }], sort: [{ field: 'attr.note', direction: 'asc' }], page: 1, pageSize: 10 } as unknown as RequestListSpec;
    await expect(list(spec)).rejects.toMatchObject({
      code: 'invalid_list',
      details: [
        { path: 'filters.0.field', message: 'unknown field "password"' },
        { path: 'filters.1.op', message: 'unknown operator "regexp"' },
        { path: 'sort.0.field', message: 'long text cannot be sorted' },
      ],
    });
  });
});

function holds(value: string | number | Date | null | undefined, filter: ListFilter): boolean {
  const wanted = filter.value;
  if (filter.op === 'isNull') return value === null || value === undefined;
  if (value === null || value === undefined) return false;
  if (filter.op === 'notNull') return true;
  if (filter.op === 'in') return (wanted as unknown[]).includes(value);
  if (filter.op === 'contains') return String(value).includes(String(wanted));
  if (filter.op === 'startsWith') return String(value).startsWith(String(wanted));
  const order = compare(value, value instanceof Date ? new Date(String(wanted)) : (wanted as string | number));
  return { eq: order === 0, ne: order !== 0, lt: order < 0, lte: order <= 0, gt: order > 0, gte: order >= 0 }[filter.op as 'eq'];
}

/** SQL order: NULL before everything when ascending. */
function compare(a: unknown, b: unknown): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return x! < y! ? -1 : x! > y! ? 1 : 0;
}

