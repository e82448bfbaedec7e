import type { EntityManager } from 'typeorm';
import type { AuditRecord } from '../audit/audit.service';
import { User } from '../auth/entities/user.entity';
import { hydrator, insertRows } from '../database/plain-rows';
import { NotificationBatch } from '../notifications/notification-batch';
import { preferencesOf } from '../notifications/channel-preferences';
import { dispatchNotification } from '../notifications/notification-dispatch';
import { usersAsRecipients } from '../notifications/recipients';
import { namesOf, NOTIFIED_REQUEST_COLUMNS, type NotifiedRequest } from '../notifications/request-facts';
import { Queue } from '../queues/queue.entity';
import { CustomerRequest } from '../requests/entities/customer-request.entity';
import type { ScheduledJob } from '../scheduler/entities/scheduled-job.entity';
import { SlaBreach, type BreachKind } from './entities/sla-breach.entity';
import { SlaClock } from './entities/sla-clock.entity';
import { escalationRecipients, preloadEscalation } from './escalation-chain';
import type { SlaTimerPayload } from './sla-clocks';

export interface BreachEffects {
  mailDomain: string;
  /** Writes a system audit line in the handler's transaction. */
  audit: (manager: EntityManager, record: AuditRecord, now: Date) => Promise<void>;
  /** The lines of a whole batch at once, when the caller can write them so; otherwise `audit` per line. */
  auditAll?: (manager: EntityManager, records: AuditRecord[], now: Date) => Promise<void>;
  /** Told of the warnings or breaches just recorded, in the same transaction (replays are not told). */
  fired?: SlaFiredListener;
}

/** A warning or breach just recorded: the request, the route version it is pinned to, and the clock. */
export interface SlaFiring {
  requestId: number;
  routeVersionId: number | null;
  clock: string;
}
/** Acts on new warnings or breaches in the transaction that records them: what it does lands with them or not at all. */
export type SlaFiredListener = (manager: EntityManager, kind: BreachKind, firings: readonly SlaFiring[], now: Date) => Promise<void>;

/** A running clock with a deadline, its request, and whether its breach of the kind at hand is already recorded. */
interface RunningClock {
  request: NotifiedRequest;
  clock: string;
  deadline: Date;
  policyId: number;
  priority: number | null;
  routeVersionId: number | null;
  recorded: boolean;
}

/** A running clock whose warning or breach a timer records now: the timer's id tells its notifications apart. */
type Firing = RunningClock & { timerId: number };

/** A batch's notification cache with what all its notifications read loaded up front, a few IN queries in all. */
async function preloaded(manager: EntityManager, code: string, requests: NotifiedRequest[]): Promise<NotificationBatch> {
  const cache = new NotificationBatch();
  await cache.preload(manager, requests);
  const ids = (pick: (request: NotifiedRequest) => number | null) => [...new Set(requests.map(pick).filter((id): id is number => id !== null))];
  const assignees = ids((request) => request.assigneeId);
  const people = await preloadEscalation(manager, assignees, cache);
  await usersAsRecipients(manager, people, 'manager', cache);
  await preferencesOf(manager, code, people, cache);
  await namesOf(manager, User, assignees, cache);
  await namesOf(manager, Queue, ids((request) => request.queueId), cache);
  return cache;
}

const breachKey = (requestId: number, clock: string, deadline: Date) => `${requestId}|${clock}|${deadline.getTime()}`;
const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * The running clocks of the requests by `requestId|clock`, in one query: each with the request's columns
 * notifications read, and its breach of `kind` at the current deadline looked up by the breach's unique key.
 */
async function runningClocks(manager: EntityManager, kind: BreachKind, requestIds: readonly number[]): Promise<Map<string, RunningClock>> {
  const quote = (name: string) => manager.connection.driver.escape(name);
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${NOTIFIED_REQUEST_COLUMNS.map((column) => `r.${quote(column)} AS ${quote(column)}`).join(', ')}, c.clock AS clock, c.deadline AS deadline, c.policyId AS policyId, c.priority AS clockPriority, r.routeVersionId AS routeVersionId, b.id AS breachId
     FROM sla_clocks c
     JOIN requests r ON r.id = c.requestId
     LEFT JOIN sla_breaches b ON b.requestId = c.requestId AND b.clock = c.clock AND b.kind = ? AND b.deadline = c.deadline
     WHERE c.requestId IN (${placeholders(requestIds)}) AND c.state = 'running' AND c.deadline IS NOT NULL`,
    [kind, ...requestIds],
  );
  const toRequest = hydrator(manager, CustomerRequest, NOTIFIED_REQUEST_COLUMNS);
  const toClock = hydrator(manager, SlaClock, ['clock', 'deadline', 'policyId']);
  const requests = new Map<number, NotifiedRequest>();
  const clocks = new Map<string, RunningClock>();
  for (const row of rows) {
    const id = Number(row.id);
    const request = requests.get(id) ?? toRequest(row);
    requests.set(id, request);
    const { clock, deadline, policyId } = toClock(row);
    clocks.set(`${id}|${clock}`, { request, clock, deadline: deadline as Date, policyId, priority: row.clockPriority === null ? null : Number(row.clockPriority), routeVersionId: row.routeVersionId === null ? null : Number(row.routeVersionId), recorded: row.breachId !== null });
  }
  return clocks;
}

/**
 * A warning or breach timer, run in the transaction that marks the timer done: the breach record,
 * the audit line and the mails land together or not at all. The breach record's unique key makes a
 * replay do nothing, and a timer whose clock has moved on since (paused, stopped, new deadline) is
 * dropped. Free of Nest, so integration tests run it directly.
 */
export async function fireSlaTimer(kind: BreachKind, job: ScheduledJob, manager: EntityManager, now: Date, effects: BreachEffects): Promise<void> {
  await fireSlaTimers(kind, [job], manager, now, effects);
}

/**
 * Timers of one kind in one transaction, each as `fireSlaTimer` would fire it alone: clocks, requests and
 * earlier breaches read for all of them in one query, breaches, audit lines, mails and in-app rows written
 * in multi-row statements, and the notifications sharing one cache of what they have in common.
 */
export async function fireSlaTimers(kind: BreachKind, jobs: readonly ScheduledJob[], manager: EntityManager, now: Date, effects: BreachEffects): Promise<void> {
  const requestIds = [...new Set(jobs.map((job) => job.subjectId as number))];
  if (!requestIds.length) return;
  const clocks = await runningClocks(manager, kind, requestIds);
  const taken = new Set<string>();
  const firings: Firing[] = [];
  for (const job of jobs) {
    const payload = job.payload as unknown as SlaTimerPayload;
    const running = clocks.get(`${job.subjectId}|${payload.clock}`);
    const deadline = new Date(payload.deadline);
    if (!running || running.recorded || running.deadline.getTime() !== deadline.getTime()) continue;
    if (kind === 'warning' && running.deadline <= now) continue;
    const key = breachKey(running.request.id, running.clock, deadline);
    if (taken.has(key)) continue;
    taken.add(key);
    firings.push({ ...running, timerId: job.id });
  }
  if (!firings.length) return;
  await insertRows(
    manager,
    SlaBreach,
    firings.map(({ request, clock, deadline, policyId, priority }) => ({
      requestId: request.id,
      clock,
      kind,
      deadline,
      occurredAt: now,
      policyId,
      priority: priority ?? request.priority,
      queueId: request.queueId,
      assigneeId: request.assigneeId,
      topicId: request.topicId,
      closedAt: null,
    })),
  );
  const records = firings.map(({ request, clock, deadline }): AuditRecord => ({ entityType: 'request', entityId: request.id, action: `sla.${kind}`, changes: [{ field: `${clock}.${kind}`, old: null, new: deadline.toISOString() }] }));
  if (effects.auditAll) await effects.auditAll(manager, records, now);
  else for (const record of records) await effects.audit(manager, record, now);
  const cache = await preloaded(manager, `sla.${kind}`, firings.map((firing) => firing.request));
  for (const { request, clock, deadline, timerId } of firings) {
    const chain = await escalationRecipients(manager, request.assigneeId, request.queueId, cache);
    const recipients = (await usersAsRecipients(manager, chain.map((link) => link.userId), 'manager', cache)).map((person) => ({ ...person, role: chain.find((link) => link.userId === person.userId)!.role }));
    await dispatchNotification(manager, { type: `sla.${kind}`, requestId: request.id, key: String(timerId), sla: { clock, deadline, recipients } }, now, effects.mailDomain, cache);
  }
  await cache.flush(manager, now, effects.mailDomain);
  await effects.fired?.(manager, kind, firings.map(({ request, routeVersionId, clock }) => ({ requestId: request.id, routeVersionId, clock })), now);
}
