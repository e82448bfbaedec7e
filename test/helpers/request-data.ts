import type { DataSource } from 'typeorm';
import { AttributeSlot } from '../../server/src/requests/entities/attribute-slot.entity';
import type { StoredAttribute } from '../../server/src/requests/list/request-list.types';
import type { TestApp } from './app';

/** Deterministic pseudo-random numbers, so generated data and benchmark runs repeat exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CITIES = ['moscow', 'pskov', 'tver', 'kazan', 'omsk', 'perm', 'sochi', 'tula', 'orel', 'kursk', 'samara', 'ufa'];
export const REGIONS = ['north', 'south', 'east', 'west', 'centre', 'volga', 'urals', 'siberia'];
export const STATUSES = ['new', 'assigned', 'in_progress', 'waiting', 'resolved'];

/** Three list-column attributes (in slots) and four kept only as typed values. */
export const SAMPLE_ATTRIBUTES: StoredAttribute[] = [
  { attributeId: 1, code: 'city', kind: 'string', slot: 'listText1' },
  { attributeId: 2, code: 'amount', kind: 'number', slot: 'listNumber1' },
  { attributeId: 3, code: 'contract_date', kind: 'instant', slot: 'listInstant1' },
  { attributeId: 4, code: 'region', kind: 'string', slot: null },
  { attributeId: 5, code: 'score', kind: 'number', slot: null },
  { attributeId: 6, code: 'visit_date', kind: 'instant', slot: null },
  { attributeId: 7, code: 'note', kind: 'text', slot: null },
];

export interface SampleRequest {
  id: number;
  queueId: number;
  isOpen: boolean;
  priority: number;
  status: string;
  createdAt: Date;
  values: Record<string, string | number | Date | null>;
}

export interface QueuePlan {
  /** Share of all requests in each queue, as weights. */
  weights: number[];
  openShare: number;
}

const BASE_TIME = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

export function generateRequest(id: number, random: () => number, plan: QueuePlan): SampleRequest {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const total = plan.weights.reduce((sum, weight) => sum + weight, 0);
  let ticket = random() * total;
  let queueId = 1;
  while (ticket > plan.weights[queueId - 1]) ticket -= plan.weights[queueId++ - 1];
  const maybe = <T>(value: T) => (random() < 0.1 ? null : value);
  return {
    id,
    queueId,
    isOpen: random() < plan.openShare,
    priority: 1 + Math.floor(random() * 4),
    status: pick(STATUSES),
    createdAt: new Date(BASE_TIME + Math.floor(random() * 300 * DAY)),
    values: {
      city: maybe(pick(CITIES)),
      amount: maybe(Math.round(random() * 1_000_000) / 100),
      contract_date: maybe(new Date(BASE_TIME - Math.floor(random() * 900) * DAY)),
      region: maybe(pick(REGIONS)),
      score: maybe(Math.floor(random() * 101)),
      visit_date: maybe(new Date(BASE_TIME + Math.floor(random() * 365) * DAY)),
      note: maybe(`note ${pick(REGIONS)} ${id}`),
    },
  };
}

const REQUEST_COLUMNS = ['id', 'number', 'topicId', 'type', 'priority', 'status', 'isOpen', 'queueId', 'assigneeId', 'clientId', 'subject', 'createdAt', 'updatedAt', 'version', 'listText1', 'listNumber1', 'listInstant1'];
const VALUE_COLUMNS = ['requestId', 'attributeId', 'ord', 'valueString', 'valueText', 'valueNumber', 'valueInstant', 'queueId', 'isOpen'];

/** Bulk insert through plain multi-row INSERTs: the same rows the product writes, only faster to load. */
export async function insertRequests(dataSource: DataSource, requests: SampleRequest[], batchSize = 400): Promise<void> {
  for (let start = 0; start < requests.length; start += batchSize) {
    const batch = requests.slice(start, start + batchSize);
    const requestRows = batch.map((request) => [
      request.id,
      `REQ-${String(request.id).padStart(9, '0')}`,
      1,
      'incident',
      request.priority,
      request.status,
      request.isOpen,
      request.queueId,
      null,
      null,
      `Request ${request.id}`,
      request.createdAt,
      request.createdAt,
      1,
      request.values.city,
      request.values.amount,
      request.values.contract_date,
    ]);
    const valueRows = batch.flatMap((request) =>
      SAMPLE_ATTRIBUTES.filter((attribute) => request.values[attribute.code] !== null).map((attribute) => {
        const value = request.values[attribute.code];
        return [
          request.id,
          attribute.attributeId,
          0,
          attribute.kind === 'string' ? value : null,
          attribute.kind === 'text' ? value : null,
          attribute.kind === 'number' ? value : null,
          attribute.kind === 'instant' ? value : null,
          request.queueId,
          request.isOpen,
        ];
      }),
    );
    await insertRows(dataSource, 'requests', REQUEST_COLUMNS, requestRows);
    await insertRows(dataSource, 'request_values', VALUE_COLUMNS, valueRows);
  }
}

async function insertRows(dataSource: DataSource, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const quote = (name: string) => (dataSource.options.type === 'better-sqlite3' ? `"${name}"` : `\`${name}\``);
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${rows.map(() => placeholders).join(', ')}`;
  const flat = rows.flat().map((value) => (typeof value === 'boolean' ? Number(value) : value instanceof Date && dataSource.options.type === 'better-sqlite3' ? sqliteInstant(value) : value));
  await dataSource.query(sql, flat);
}

/** How TypeORM stores a `datetime` on SQLite, so raw inserts compare like the entities' own writes. */
function sqliteInstant(value: Date): string {
  return value.toISOString().replace('T', ' ').replace('Z', '');
}

/** Records the sample's list-column attributes in `attribute_slots`, as the allocator would have. */
export async function registerSampleSlots(dataSource: DataSource): Promise<void> {
  const rows = SAMPLE_ATTRIBUTES.filter((attribute) => attribute.slot).map((attribute) => ({ attributeId: attribute.attributeId, slot: attribute.slot!, state: 'ready' as const, assignedAt: new Date() }));
  await dataSource.getRepository(AttributeSlot).insert(rows);
}

/**
 * HTTP calls as named users: `as` returns the response, `ok` insists on a status and fails with the body when
 * another one comes back. `app` is read at call time, so it may be assigned in a `beforeAll`.
 */
export function apiAs(app: () => Pick<TestApp, 'call'>, tokens: Record<string, string>) {
  const as = (who: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) => app().call(method, path, { token: tokens[who], body, headers });
  const ok = async (who: string, method: string, path: string, body: unknown, status: number) => {
    const response = await as(who, method, path, body);
    expect({ path, status: response.status, body: response.status === status ? undefined : response.body }).toEqual({ path, status, body: undefined });
    return response.body;
  };
  return { as, ok };
}

/** Creates a route for the topics, saves the definition as its draft and publishes version 1. */
/** The smallest routed process: registered → one user task in `queue` → resolved. Its code is the topic's. */
export function triageRoute(code: string, name: string, queue: string) {
  return {
    code,
    name,
    version: 1,
    topics: [code],
    steps: [
      { id: 'Start', name: 'Registered', kind: 'start' },
      { id: 'Triage', name: 'Triage', kind: 'userTask', queues: { rules: [], default: queue } },
      { id: 'Done', name: 'Done', kind: 'end', resolution: 'resolved' },
    ],
    transitions: [
      { id: 'toTriage', name: '', from: 'Start', to: 'Triage' },
      { id: 'solve', name: 'Solve', from: 'Triage', to: 'Done' },
    ],
  };
}

export async function publishRoute(ok: ReturnType<typeof apiAs>['ok'], code: string, topicIds: number[], definition: unknown): Promise<number> {
  const route = await ok('admin', 'POST', '/api/routes', { code, name: code, topicIds }, 201);
  await ok('admin', 'PUT', `/api/routes/${route.id}/draft`, { definition }, 200);
  await ok('admin', 'POST', `/api/routes/${route.id}/versions/1/publish`, undefined, 200);
  return route.id;
}

/** Polls until `probe` gives a value that is not undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000, what = 'the condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not come true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
