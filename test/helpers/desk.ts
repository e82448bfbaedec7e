import type { TestApp } from './app';
import { apiAs } from './request-data';

export interface Desk {
  tokens: Record<string, string>;
  ids: Record<string, number>;
  api: ReturnType<typeof apiAs>;
  /** Registers one request in a queue as `who` and returns it. */
  newRequest(who: string, queue: string, subject: string, description?: string): Promise<{ id: number; number: string }>;
  /** Opens a discussion on the request and adds one comment; returns the comment. */
  newComment(who: string, requestId: number, body: string, visibility?: string): Promise<{ id: number; discussionId: number }>;
}

/**
 * The people and queues attachment and search tests share: olga (operator) works FIRST, nina (operator)
 * works OTHER, mark is a manager (reads every queue, works none), ana an analyst (directory only).
 */
export async function setUpDesk(app: () => TestApp): Promise<Desk> {
  const tokens: Record<string, string> = { admin: await app().loginAs('admin', app().adminPassword) };
  const ids: Record<string, number> = {};
  const api = apiAs(app, tokens);
  for (const [login, role] of [['olga', 'operator'], ['nina', 'operator'], ['mark', 'manager'], ['ana', 'analyst']]) {
    ids[login] = (await api.ok('admin', 'POST', '/api/users', { login, name: login, password: `${login}-password-1`, roleCodes: [role] }, 201)).id;
    tokens[login] = await app().loginAs(login, `${login}-password-1`);
  }
  for (const [code, member] of [['FIRST', 'olga'], ['OTHER', 'nina']]) {
    ids[code] = (await api.ok('admin', 'POST', '/api/queues', { code, name: code }, 201)).id;
    await api.ok('admin', 'PUT', `/api/queues/${ids[code]}/people`, { memberIds: [ids[member]], workgroupIds: [], administratorIds: [] }, 200);
  }
  ids.topic = (await api.ok('admin', 'POST', '/api/topics', { code: 'GENERAL', name: 'General', kind: 'topic' }, 201)).id;
  return {
    tokens,
    ids,
    api,
    async newRequest(who, queue, subject, description) {
      const created = await api.ok(who, 'POST', '/api/contacts', { requests: [{ topicId: ids.topic, type: 'incident', impact: 3, urgency: 3, subject, description, queueId: ids[queue] }] }, 201);
      return created.requests[0];
    },
    async newComment(who, requestId, body, visibility = 'internal') {
      const discussion = await api.ok(who, 'POST', `/api/requests/${requestId}/discussions`, { title: 'Notes', visibility }, 201);
      return api.ok(who, 'POST', `/api/requests/${requestId}/discussions/${discussion.id}/comments`, { body }, 201);
    },
  };
}
