import type { EntityManager } from 'typeorm';
import type { AuditRecord } from '../audit/audit.service';
import { dispatchNotification } from '../notifications/notification-dispatch';
import { usersAsRecipients } from '../notifications/recipients';
import { CustomerRequest } from '../requests/entities/customer-request.entity';
import type { ScheduledJob } from '../scheduler/entities/scheduled-job.entity';
import { SlaBreach, type BreachKind } from './entities/sla-breach.entity';
import { SlaClock } from './entities/sla-clock.entity';
import { escalationRecipients } from './escalation-chain';
import type { SlaTimerPayload } from './sla-clocks';

export interface BreachEffects {
  mailDomain: string;
  /** Writes a system audit line in the handler's transaction. */
  audit: (manager: EntityManager, record: AuditRecord, now: Date) => Promise<void>;
}

/**
 * A warning or breach timer, run in the transaction that marks the timer done: the breach record,
 * the audit line and the mails land together or not at all. The breach record's unique key makes a
 * replay do nothing, and a timer whose clock has moved on since (paused, stopped, new deadline) is
 * dropped. Free of Nest, so integration tests run it directly.
 */
export async function fireSlaTimer(kind: BreachKind, job: ScheduledJob, manager: EntityManager, now: Date, effects: BreachEffects): Promise<void> {
  const payload = job.payload as unknown as SlaTimerPayload;
  const requestId = job.subjectId as number;
  const clock = await manager.findOneBy(SlaClock, { requestId, clock: payload.clock });
  const deadline = new Date(payload.deadline);
  if (!clock || clock.state !== 'running' || clock.deadline?.getTime() !== deadline.getTime()) return;
  if (kind === 'warning' && clock.deadline <= now) return;
  if (await manager.existsBy(SlaBreach, { requestId, clock: clock.clock, kind, deadline })) return;
  const request = await manager.findOneBy(CustomerRequest, { id: requestId });
  if (!request) return;
  const breach = manager.create(SlaBreach, {
    requestId,
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
  });
  await manager.save(breach);
  await effects.audit(manager, { entityType: 'request', entityId: requestId, action: `sla.${kind}`, changes: [{ field: `${clock.clock}.${kind}`, old: null, new: deadline.toISOString() }] }, now);
  const chain = await escalationRecipients(manager, request.assigneeId, request.queueId);
  const recipients = (await usersAsRecipients(manager, chain.map((link) => link.userId), 'manager')).map((person) => ({ ...person, role: chain.find((link) => link.userId === person.userId)!.role }));
  await dispatchNotification(manager, { type: `sla.${kind}`, requestId, key: String(breach.id), sla: { clock: clock.clock, deadline, recipients } }, now, effects.mailDomain);
}
