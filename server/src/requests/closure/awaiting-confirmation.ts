import type { EntityManager } from 'typeorm';
import { dispatchNotification } from '../../notifications/notification-dispatch';
import { plainText } from '../../notifications/plain-text';
import { scheduleJob } from '../../scheduler/job-runner';
import type { CustomerRequest } from '../entities/customer-request.entity';

export const AUTO_CLOSE_JOB = 'request.autoClose';
export const DEFAULT_AUTO_CLOSE_HOURS = 72;
const HOUR = 3_600_000;

export interface ConfirmationSettings {
  autoCloseHours?: number;
  mailDomain: string;
}

/**
 * A request has just become resolved (at a route's end, or with its problem): the customer is asked to
 * confirm (through the request.resolved template, with the problem's known solution), and a timer closes
 * it if nobody answers in time. Runs in the resolving transaction.
 */
export async function awaitConfirmation(manager: EntityManager, request: CustomerRequest, settings: ConfirmationSettings, now: Date): Promise<void> {
  const dueAt = new Date(now.getTime() + (settings.autoCloseHours ?? DEFAULT_AUTO_CLOSE_HOURS) * HOUR);
  // The version in the key: a request resolved again after a rejection gets a timer of its own.
  await scheduleJob(manager, { kind: AUTO_CLOSE_JOB, dueAt, dedupeKey: `${AUTO_CLOSE_JOB}:${request.id}:${request.version}`, subjectType: 'request', subjectId: request.id }, now);
  const solution = await knownSolutionOf(manager, request.id);
  await dispatchNotification(manager, { type: 'request.resolved', requestId: request.id, key: String(request.version), resolved: { solution: solution && { problem: solution.number, text: plainText(solution.text) }, autoCloseAt: dueAt } }, now, settings.mailDomain);
}

/** The known solution (or, failing that, the workaround) of the problem the request is linked to. */
async function knownSolutionOf(manager: EntityManager, requestId: number): Promise<{ number: string; text: string } | null> {
  const [row] = (await manager.query('SELECT p.number AS number, p.knownSolution AS solution, p.workaround AS workaround FROM request_problem_links l JOIN problems p ON p.id = l.problemId WHERE l.requestId = ?', [requestId])) as {
    number: string;
    solution: string | null;
    workaround: string | null;
  }[];
  const text = row?.solution ?? row?.workaround;
  return row && text ? { number: row.number, text } : null;
}
