import type { EntityManager } from 'typeorm';
import { ScheduledJob } from '../scheduler/entities/scheduled-job.entity';
import { cancelJobs, scheduleJob } from '../scheduler/job-runner';

export const MAIL_POLL_JOB = 'mail.poll';
const SUBJECT = 'mailbox';

/**
 * A mailbox's next poll at `dueAt`, or the one already waiting brought forward to it: each poll schedules its
 * successor, so a mailbox keeps one chain of polls however often it is saved or polled.
 */
export async function schedulePoll(manager: EntityManager, mailboxId: number, dueAt: Date, now: Date): Promise<void> {
  const waiting = await manager.findOneBy(ScheduledJob, { kind: MAIL_POLL_JOB, subjectType: SUBJECT, subjectId: mailboxId, state: 'pending' });
  if (!waiting) return scheduleJob(manager, { kind: MAIL_POLL_JOB, subjectType: SUBJECT, subjectId: mailboxId, dueAt }, now);
  if (waiting.dueAt > dueAt) await manager.update(ScheduledJob, { id: waiting.id, state: 'pending' }, { dueAt });
}


export function cancelPolls(manager: EntityManager, mailboxId: number, now: Date): Promise<void> {
  return cancelJobs(manager, MAIL_POLL_JOB, SUBJECT, mailboxId, now);
}
