import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { apiAs, eventually, publishRoute } from '../helpers/request-data';
import { addQueue, addStaff } from '../helpers/staff';

const SECRET = 'hook-secret-1';

interface Received {
  path: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A real HTTP receiver: records every call and answers each path from its script of statuses (then 200). */
class Receiver {
  readonly received: Received[] = [];
  readonly scripts: Record<string, number[]> = {};
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '';
        this.received.push({ path, method: request.method ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.statusCode = this.scripts[path]?.shift() ?? 200;
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  at(path: string): Received[] {
    return this.received.filter((call) => call.path === path);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A webhook when the request reaches Work (a body rule), and one when it is finished (the flaky receiver). */
const hookedRoute = (base: string) => ({
  code: 'HOOKED',
  name: 'Hooked',
  version: 1,
  topics: ['HOOKED'],
  steps: [
    { id: 'Start', name: 'Start', kind: 'start' },
    { id: 'Work', name: 'Work', kind: 'userTask', queues: { rules: [], default: 'DESK' }, handlers: { onEnter: [{ kind: 'webhook', url: `${base}/entered`, method: 'POST', body: { cat: [{ var: 'request.topic' }, ' is in ', { var: 'step.id' }] } }] } },
    { id: 'Done', name: 'Done', kind: 'end', resolution: 'resolved', handlers: { onEnter: [{ kind: 'webhook', url: `${base}/flaky`, method: 'PUT' }] } },
  ],
  transitions: [
    { id: 'toWork', name: '', from: 'Start', to: 'Work' },
    { id: 'finish', name: 'Finish', from: 'Work', to: 'Done' },
  ],
});

const webhookAudit = async (t: TestApp, requestId: number) =>
  (await t.dataSource.query("SELECT action, changes FROM audit_entries WHERE entityType = 'request' AND entityId = ? AND action LIKE 'webhook.%' ORDER BY id", [String(requestId)])).map((row: { action: string; changes: string | object }) => ({
    action: row.action,
    ...(typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes)[0].new,
  }));

/** The users, queue, topic and route a webhook test needs, on a fresh app. */
async function setUp(t: TestApp, tokens: Record<string, string>, base: string): Promise<Record<string, number>> {
  const { ok } = apiAs(() => t, tokens);
  const ids: Record<string, number> = {};
  await addStaff(t, ok, tokens, ids, [['olga', 'operator']]);
  await addQueue(ok, ids, 'DESK', 'Desk', { members: ['olga'] });
  ids.HOOKED = (await ok('admin', 'POST', '/api/topics', { code: 'HOOKED', name: 'Hooked', kind: 'topic' }, 201)).id;
  ids.CITY = (await ok('admin', 'POST', '/api/attributes', { code: 'CITY', name: 'City', valueType: 'string' }, 201)).id;
  await ok('admin', 'POST', `/api/topics/${ids.HOOKED}/attributes`, { attributeId: ids.CITY }, 201);
  await publishRoute(ok, 'HOOKED', [ids.HOOKED], hookedRoute(base));
  return ids;
}

const newRequest = (ids: Record<string, number>) => ({ requests: [{ topicId: ids.HOOKED, type: 'incident', impact: 2, urgency: 2, subject: 'Hook me', attributes: { CITY: 'Pskov' } }] });

describe.each(testDatabases())('webhooks on %s', (database) => {
  const receiver = new Receiver();
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let ids: Record<string, number>;
  const { ok } = apiAs(() => t, tokens);

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp(database, { DOCKET_WEBHOOK_ALLOW_PRIVATE: '1', DOCKET_WEBHOOK_SECRET: SECRET, DOCKET_SWEEP_CRON: '* * * * * *', DOCKET_WEBHOOK_RETRY_MS: '200' });
    ids = await setUp(t, tokens, receiver.url);
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  it('posts the event with the request and its attributes, signed over the exact body, and journals the delivery', async () => {
    const [request] = (await ok('olga', 'POST', '/api/contacts', newRequest(ids), 201)).requests;
    const [call] = await eventually(async () => (receiver.at('/entered').length ? receiver.at('/entered') : undefined), 15_000, 'the webhook call');
    expect(call.method).toBe('POST');
    expect(call.headers['content-type']).toBe('application/json');
    expect(call.headers['x-docket-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(call.body).digest('hex')}`);
    const body = JSON.parse(call.body);
    expect(body).toEqual({
      deliveryId: call.headers['x-docket-delivery'],
      event: 'onEnter',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      request: { id: request.id, number: request.number, status: 'in_progress', steps: ['Work'], isOpen: true, resolution: null },
      attributes: { CITY: 'Pskov' },
      data: 'HOOKED is in Work',
    });
    const journal = await eventually(async () => {
      const lines = await webhookAudit(t, request.id);
      return lines.length ? lines : undefined;
    });
    expect(journal).toEqual([expect.objectContaining({ action: 'webhook.delivered', status: 200, attempt: 1, url: `${receiver.url}/entered`, deliveryId: body.deliveryId })]);
  });

  it('retries a receiver that answers 500 twice, and delivers exactly once', async () => {
    const [request] = (await ok('olga', 'POST', '/api/contacts', newRequest(ids), 201)).requests;
    receiver.scripts['/flaky'] = [500, 500];
    await ok('olga', 'POST', `/api/requests/${request.id}/transitions`, { transitionId: 'finish', expectedVersion: request.version }, 200);
    const delivered = await eventually(async () => {
      const lines = (await webhookAudit(t, request.id)).filter((line: { url: string }) => line.url.endsWith('/flaky'));
      return lines.some((line: { action: string }) => line.action === 'webhook.delivered') ? lines : undefined;
    }, 20_000, 'the delivery after retries');
    expect(delivered.map((line: { action: string; attempt: number; status?: number; error?: string }) => [line.action, line.attempt, line.status ?? line.error])).toEqual([
      ['webhook.attemptFailed', 1, 'answered 500'],
      ['webhook.attemptFailed', 2, 'answered 500'],
      ['webhook.delivered', 3, 200],
    ]);
    // Nothing more arrives once one attempt succeeded.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const calls = receiver.at('/flaky');
    expect(calls.map((call) => call.method)).toEqual(['PUT', 'PUT', 'PUT']);
    expect(new Set(calls.map((call) => call.headers['x-docket-delivery'])).size).toBe(1);
    expect(new Set(calls.map((call) => call.body)).size).toBe(1);
    expect(JSON.parse(calls[0].body)).toMatchObject({ event: 'onEnter', request: { id: request.id, steps: [], resolution: 'resolved' } });
  });

  it('refuses a loopback receiver when private destinations are not allowed, and journals the refusal', async () => {
    const strict = await startTestApp(database, { DOCKET_SWEEP_CRON: '* * * * * *' });
    try {
      const strictTokens: Record<string, string> = {};
      const strictIds = await setUp(strict, strictTokens, receiver.url.replace('127.0.0.1', 'localhost'));
      const before = receiver.received.length;
      const [request] = (await apiAs(() => strict, strictTokens).ok('olga', 'POST', '/api/contacts', newRequest(strictIds), 201)).requests;
      const journal = await eventually(async () => {
        const lines = await webhookAudit(strict, request.id);
        return lines.length ? lines : undefined;
      });
      expect(journal).toEqual([expect.objectContaining({ action: 'webhook.refused', attempt: 1, reason: expect.stringContaining('private or loopback address') })]);
      expect(receiver.received.length).toBe(before);
      // Refused for good: no further attempt is scheduled.
      expect(Number((await strict.dataSource.query("SELECT COUNT(*) AS n FROM scheduled_jobs WHERE kind = 'request.webhook'"))[0].n)).toBe(1);
    } finally {
      await strict.close();
    }
  });
});
