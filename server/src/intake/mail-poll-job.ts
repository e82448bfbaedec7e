import type { EntityManager } from 'typeorm';
import { ScheduledJob } from '../scheduler/entities/scheduled-job.entity';
import { cancelJobs, scheduleJob } from '../scheduler/job-runner';

export const MAIL_POLL_JOB = 'mail.poll';
const SUBJECT = 'mailbox';

/**
 * A mailbox's next poll, unless one is already waiting: each poll schedules its successor, so a mailbox has one
 * chain of polls however often it is saved or polled.
 */
export async function schedulePoll(manager: EntityManager, mailboxId: number, dueAt: Date, now: Date): Promise<void> {
  if (await manager.existsBy(ScheduledJob, { kind: MAIL_POLL_JOB, subjectType: SUBJECT, subjectId: mailboxId, state: 'pending' })) return;
  await scheduleJob(manager, { kind: MAIL_POLL_JOB, subjectType: SUBJECT, subjectId: mailboxId, dueAt }, now);
}

/** Polls again at once (the mailbox's settings changed): the waiting poll gives way to one due now. */
export async function pollNow(manager: EntityManager, mailboxId: number, now: Date): Promise<void> {
  await cancelPolls(manager, mailboxId, now);
  await schedulePoll(manager, mailboxId, now, now);
}

export function cancelPolls(manager: EntityManager, mailboxId: number, now: Date): Promise<void> {
  return cancelJobs(manager, MAIL_POLL_JOB, SUBJECT, mailboxId, now);
}
