import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { EntityManager } from 'typeorm';
import type { WebhookConfig } from '../../config/docket-config';
import { scheduleJob } from '../../scheduler/job-runner';
import type { RouteWebhook } from '../domain/route-outcome';
import type { CustomerRequest } from '../entities/customer-request.entity';
import { refusedAddresses, SIGNATURE_HEADER, signatureOf, urlProblem, type WebhookPayload } from './webhook-policy';

export const WEBHOOK_JOB = 'request.webhook';

/** One attempt at one delivery, as the timer row carries it: the body is fixed when the event commits. */
export interface WebhookAttempt {
  deliveryId: string;
  url: string;
  method: 'POST' | 'PUT';
  event: string;
  body: string;
  attempt: number;
}

export interface DeliveryResult {
  outcome: 'delivered' | 'failed' | 'refused';
  status?: number;
  detail: string;
}

/** Writes the first attempt in the event's transaction: the webhook goes out only if the event commits. */
export async function scheduleWebhook(manager: EntityManager, request: CustomerRequest, webhook: RouteWebhook, attributes: Record<string, unknown>, deliveryId: string, now: Date): Promise<void> {
  const payload: WebhookPayload = {
    deliveryId,
    event: webhook.event,
    timestamp: now.toISOString(),
    request: { id: request.id, number: request.number, status: request.status, steps: request.currentSteps ? request.currentSteps.split(',') : [], isOpen: request.isOpen, resolution: request.resolution },
    attributes,
    data: webhook.body,
  };
  const attempt: WebhookAttempt = { deliveryId, url: webhook.url, method: webhook.method, event: webhook.event, body: JSON.stringify(payload), attempt: 1 };
  await scheduleWebhookAttempt(manager, request.id, attempt, now, now);
}

export async function scheduleWebhookAttempt(manager: EntityManager, requestId: number, attempt: WebhookAttempt, dueAt: Date, now: Date): Promise<void> {
  await scheduleJob(manager, { kind: WEBHOOK_JOB, dueAt, dedupeKey: `${attempt.deliveryId}:${attempt.attempt}`, subjectType: 'request', subjectId: requestId, payload: { ...attempt } }, now);
}

/** Where the URL's host resolves; every address must pass the policy, as the connection may use any of them. */
async function destinationRefusal(url: URL, allowPrivate: boolean): Promise<string | null> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  const refused = refusedAddresses(addresses, allowPrivate);
  return refused.length ? `${host} is a private or loopback address (${refused.join(', ')}); set DOCKET_WEBHOOK_ALLOW_PRIVATE=1 to allow it` : null;
}

/**
 * One HTTP attempt. Redirects are not followed (a redirect could lead past the address policy) and count as
 * failures; the answer's body is not read.
 */
export async function attemptDelivery(attempt: WebhookAttempt, config: WebhookConfig): Promise<DeliveryResult> {
  const problem = urlProblem(attempt.url);
  if (problem) return { outcome: 'refused', detail: problem };
  try {
    const refusal = await destinationRefusal(new URL(attempt.url), config.allowPrivate);
    if (refusal) return { outcome: 'refused', detail: refusal };
  } catch (error) {
    return { outcome: 'failed', detail: `cannot resolve the host: ${(error as Error).message}` };
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'Docket-Webhook', 'X-Docket-Delivery': attempt.deliveryId, 'X-Docket-Event': attempt.event };
  if (config.secret) headers[SIGNATURE_HEADER] = signatureOf(config.secret, attempt.body);
  try {
    const response = await fetch(attempt.url, { method: attempt.method, headers, body: attempt.body, redirect: 'manual', signal: AbortSignal.timeout(config.timeoutMs) });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return { outcome: ok ? 'delivered' : 'failed', status: response.status, detail: `answered ${response.status}` };
  } catch (error) {
    const name = (error as Error).name;
    return { outcome: 'failed', detail: name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${config.timeoutMs} ms` : `${(error as Error).message}${(error as { cause?: Error }).cause ? `: ${(error as { cause: Error }).cause.message}` : ''}` };
  }
}
