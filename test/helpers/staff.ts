import type { TestApp } from './app';
import type { apiAs } from './request-data';

type Ok = ReturnType<typeof apiAs>['ok'];

/**
 * Signs the admin in, then creates one user per [login, role] and signs each in: ids and tokens are keyed by
 * login, every password is `<login>-password-1`. `fields` adds to (or overrides) a user's body: e-mail, locale…
 */
export async function addStaff(
  t: TestApp,
  ok: Ok,
  tokens: Record<string, string>,
  ids: Record<string, number>,
  people: readonly (readonly [login: string, role: string])[],
  fields: (login: string) => Record<string, unknown> = () => ({}),
): Promise<void> {
  tokens.admin = await t.loginAs('admin', t.adminPassword);
  for (const [login, role] of people) {
    ids[login] = (await ok('admin', 'POST', '/api/users', { login, name: login, ...fields(login), password: `${login}-password-1`, roleCodes: [role] }, 201)).id;
    tokens[login] = await t.loginAs(login, `${login}-password-1`);
  }
}

export interface QueuePeople {
  /** Keys of `ids`: logins of members and administrators, codes of workgroups. */
  members?: readonly string[];
  workgroups?: readonly string[];
  administrators?: readonly string[];
}

/** Creates a queue as the admin and puts its people in; its id is kept as `ids[code]` and answered. */
export async function addQueue(ok: Ok, ids: Record<string, number>, code: string, name: string, { members = [], workgroups = [], administrators = [] }: QueuePeople): Promise<number> {
  const of = (keys: readonly string[]) => keys.map((key) => ids[key]);
  ids[code] = (await ok('admin', 'POST', '/api/queues', { code, name }, 201)).id;
  await ok('admin', 'PUT', `/api/queues/${ids[code]}/people`, { memberIds: of(members), workgroupIds: of(workgroups), administratorIds: of(administrators) }, 200);
  return ids[code];
}
