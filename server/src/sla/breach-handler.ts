import { In, type EntityManager } from 'typeorm';
import type { AuditRecord } from '../audit/audit.service';
import { User } from '../auth/entities/user.entity';
import { NotificationBatch } from '../notifications/notification-batch';
import { dispatchNotification, preferencesOf } from '../notifications/notification-dispatch';
import { usersAsRecipients } from '../notifications/recipients';
import { namesOf } from '../notifications/request-facts';
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
}

interface Firing {
  clock: SlaClock;
  request: CustomerRequest;
  deadline: Date;
}

/** A batch's notification cache with what all its notifications read loaded up front, a few IN queries in all. */
async function preloaded(manager: EntityManager, code: string, requests: CustomerRequest[]): Promise<NotificationBatch> {
  const cache = new NotificationBatch();
  await cache.preload(manager, requests);
  const ids = (pick: (request: CustomerRequest) => number | null) => [...new Set(requests.map(pick).filter((id): id is number => id !== null))];
  const assignees = ids((request) => request.assigneeId);
  const people = await preloadEscalation(manager, assignees, cache);
  await usersAsRecipients(manager, people, 'manager', cache);
  await preferencesOf(manager, code, people, cache);
  await namesOf(manager, User, assignees, cache);
  await namesOf(manager, Queue, ids((request) => request.queueId), cache);
  return cache;
}

const breachKey = (requestId: number, clock: string, deadline: Date) => `${requestId}|${clock}|${deadline.getTime()}`;

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
 * earlier breaches read for all of them at once, breaches inserted in one statement, and the notifications
 * sharing one cache of what they have in common.
 */
export async function fireSlaTimers(kind: BreachKind, jobs: readonly ScheduledJob[], manager: EntityManager, now: Date, effects: BreachEffects): Promise<void> {
  const requestIds = [...new Set(jobs.map((job) => job.subjectId as number))];
  if (!requestIds.length) return;
  const clocks = await manager.findBy(SlaClock, { requestId: In(requestIds) });
  const existing = await manager.find(SlaBreach, { where: { requestId: In(requestIds), kind }, select: { id: true, requestId: true, clock: true, deadline: true } });
  const requests = new Map((await manager.findBy(CustomerRequest, { id: In(requestIds) })).map((request) => [request.id, request]));
  const taken = new Set(existing.map((breach) => breachKey(breach.requestId, breach.clock, breach.deadline)));
  const firings: Firing[] = [];
  for (const job of jobs) {
    const payload = job.payload as unknown as SlaTimerPayload;
    const requestId = job.subjectId as number;
    const clock = clocks.find((candidate) => candidate.requestId === requestId && candidate.clock === payload.clock);
    const deadline = new Date(payload.deadline);
    if (!clock || clock.state !== 'running' || clock.deadline?.getTime() !== deadline.getTime()) continue;
    if (kind === 'warning' && clock.deadline <= now) continue;
    const request = requests.get(requestId);
    const key = breachKey(requestId, clock.clock, deadline);
    if (!request || taken.has(key)) continue;
    taken.add(key);
    firings.push({ clock, request, deadline });
  }
  if (!firings.length) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(SlaBreach)
    .values(
      firings.map(({ clock, request, deadline }) => ({
        requestId: request.id,
        clock: clock.clock,
        kind,
        deadline,
        occurredAt: now,
        policyId: clock.policyId,
        priority: clock.priority ?? request.priority,
        queueId: request.queueId,
        assigneeId: request.assigneeId,
        topicId: request.topicId,
        closedAt: null,
      })),
    )
    // The ids are read below in one query for all rows, not one per row.
    .updateEntity(false)
    .execute();
  const inserted = await manager.find(SlaBreach, { where: { requestId: In(firings.map((firing) => firing.request.id)), kind }, select: { id: true, requestId: true, clock: true, deadline: true } });
  const breachIds = new Map(inserted.map((breach) => [breachKey(breach.requestId, breach.clock, breach.deadline), breach.id]));
  const records = firings.map(({ request, clock, deadline }): AuditRecord => ({ entityType: 'request', entityId: request.id, action: `sla.${kind}`, changes: [{ field: `${clock.clock}.${kind}`, old: null, new: deadline.toISOString() }] }));
  if (effects.auditAll) await effects.auditAll(manager, records, now);
  else for (const record of records) await effects.audit(manager, record, now);
  const cache = await preloaded(manager, `sla.${kind}`, firings.map((firing) => firing.request));
  for (const { request, clock, deadline } of firings) {
    const breachId = breachIds.get(breachKey(request.id, clock.clock, deadline));
    if (breachId === undefined) throw new Error(`the ${kind} of request ${request.id} (${clock.clock}) was not recorded`);
    const chain = await escalationRecipients(manager, request.assigneeId, request.queueId, cache);
    const recipients = (await usersAsRecipients(manager, chain.map((link) => link.userId), 'manager', cache)).map((person) => ({ ...person, role: chain.find((link) => link.userId === person.userId)!.role }));
    await dispatchNotification(manager, { type: `sla.${kind}`, requestId: request.id, key: String(breachId), sla: { clock: clock.clock, deadline, recipients } }, now, effects.mailDomain, cache);
  }
  await cache.flush(manager, now, effects.mailDomain);
}
