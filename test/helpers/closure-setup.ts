import type { TestApp } from './app';
import { apiAs, publishRoute } from './request-data';
import { addQueue, addStaff } from './staff';

/**
 * The help desk of the seed process: a dispatcher (first line) registers and classifies, an engineer (second
 * line) solves or escalates to a more qualified expert (third line), who may hand it back. HELP's solved end
 * sends a rejected solution back to the last user task; HELP_DISPATCH's back to the dispatcher.
 */
export const helpdeskRoute = (code: string, reopenStepId?: string) => ({
  code,
  name: `Help desk ${code}`,
  version: 1,
  topics: [code],
  steps: [
    { id: 'Start', name: 'Registered', kind: 'start' },
    { id: 'Dispatch', name: 'Dispatch', kind: 'userTask', queues: { rules: [], default: 'FIRST' } },
    { id: 'Engineer', name: 'Engineer', kind: 'userTask', queues: { rules: [], default: 'SECOND' } },
    { id: 'Expert', name: 'Expert', kind: 'userTask', queues: { rules: [], default: 'THIRD' } },
    { id: 'Solved', name: 'Solved', kind: 'end', resolution: 'resolved', ...(reopenStepId ? { reopenStepId } : {}) },
    { id: 'Refused', name: 'Refused', kind: 'end', resolution: 'rejected' },
  ],
  transitions: [
    { id: 'toDispatch', name: '', from: 'Start', to: 'Dispatch' },
    { id: 'assign', name: 'Assign to engineer', from: 'Dispatch', to: 'Engineer' },
    { id: 'refuse', name: 'Refuse', from: 'Dispatch', to: 'Refused' },
    { id: 'escalate', name: 'Escalate', from: 'Engineer', to: 'Expert' },
    { id: 'solve', name: 'Solve', from: 'Engineer', to: 'Solved' },
    { id: 'expertSolve', name: 'Solve', from: 'Expert', to: 'Solved' },
  ],
});

export interface Helpdesk {
  tokens: Record<string, string>;
  ids: Record<string, number>;
  as(who: string, method: string, path: string, body?: unknown, headers?: Record<string, string>): ReturnType<TestApp['call']>;
  /** Calls and expects the status; answers the body. */
  ok(who: string, method: string, path: string, body: unknown, status: number): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read whatever the endpoint returns
  /** Registers requests of a topic for the customer contact person (with an e-mail address); answers their ids. */
  register(topic: 'HELP' | 'HELP_DISPATCH', count?: number, who?: string): Promise<number[]>;
  /** A request of the topic without a route, in the given queue. */
  registerPlain(queue: string, who: string): Promise<number>;
  version(id: number): Promise<number>;
}

/**
 * Users: disp (dispatcher, FIRST and SECOND), eng (SECOND), expert (THIRD), boss (administers SECOND),
 * outsider (OTHER only), analyst (no request permissions). A client with a contact person who has an e-mail;
 * topics HELP and HELP_DISPATCH with their routes, PLAIN without one.
 */
export async function setUpHelpdesk(t: TestApp): Promise<Helpdesk> {
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const { as, ok } = apiAs(() => t, tokens);
  const staff = [['disp', 'operator'], ['eng', 'specialist'], ['expert', 'specialist'], ['boss', 'specialist'], ['outsider', 'operator'], ['analyst', 'analyst']] as const;
  await addStaff(t, ok, tokens, ids, staff, (login) => ({ email: `${login}@staff.test` }));
  await addQueue(ok, ids, 'FIRST', 'FIRST', { members: ['disp'] });
  await addQueue(ok, ids, 'SECOND', 'SECOND', { members: ['disp', 'eng'], administrators: ['boss'] });
  await addQueue(ok, ids, 'THIRD', 'THIRD', { members: ['expert'] });
  await addQueue(ok, ids, 'OTHER', 'OTHER', { members: ['outsider'] });
  ids.GROUP = (await ok('admin', 'POST', '/api/topics', { code: 'SUPPORT', name: 'Support', kind: 'group' }, 201)).id;
  ids.CATEGORY = (await ok('admin', 'POST', '/api/attributes', { code: 'CATEGORY', name: 'Category', valueType: 'string' }, 201)).id;
  await ok('admin', 'POST', `/api/topics/${ids.GROUP}/attributes`, { attributeId: ids.CATEGORY }, 201);
  for (const [code, reopenStepId] of [['HELP', undefined], ['HELP_DISPATCH', 'Dispatch']] as const) {
    ids[code] = (await ok('admin', 'POST', '/api/topics', { code, name: code, kind: 'topic', parentId: ids.GROUP }, 201)).id;
    await publishRoute(ok, code, [ids[code]], helpdeskRoute(code, reopenStepId));
  }
  // A topic without a route: its requests stay in the queue they are registered into.
  ids.PLAIN = (await ok('admin', 'POST', '/api/topics', { code: 'PLAIN', name: 'Plain', kind: 'topic', parentId: ids.GROUP }, 201)).id;
  ids.client = (await ok('admin', 'POST', '/api/clients', { name: 'Pskov Telecom', kind: 'company' }, 201)).id;
  ids.person = (await ok('admin', 'POST', '/api/contact-persons', { name: 'Anna Customer', clientId: ids.client, emails: [{ value: 'anna@customer.test' }] }, 201)).id;

  const register = async (topic: 'HELP' | 'HELP_DISPATCH', count = 1, who = 'disp') => {
    const created: number[] = [];
    for (let start = 0; start < count; start += 20) {
      const requests = Array.from({ length: Math.min(20, count - start) }, (_, index) => ({ topicId: ids[topic], type: 'incident', impact: 2, urgency: 2, subject: `No dial tone ${start + index + 1}` }));
      const body = await ok(who, 'POST', '/api/contacts', { clientId: ids.client, contactPersonId: ids.person, requests }, 201);
      created.push(...body.requests.map((request: { id: number }) => request.id));
    }
    return created;
  };
  const registerPlain = async (queue: string, who: string) =>
    (await ok(who, 'POST', '/api/contacts', { clientId: ids.client, contactPersonId: ids.person, requests: [{ topicId: ids.PLAIN, type: 'incident', impact: 3, urgency: 3, subject: `Question in ${queue}`, queueId: ids[queue] }] }, 201)).requests[0].id as number;
  const version = async (id: number) => Number((await t.dataSource.query('SELECT version FROM requests WHERE id = ?', [id]))[0].version);
  return { tokens, ids, as, ok, register, registerPlain, version };
}
