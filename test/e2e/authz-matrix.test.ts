import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_IN_ROLES } from '../../server/src/auth/built-in-roles';
import { CallResult, startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { listEndpoints } from '../helpers/endpoints';
import { upload } from '../helpers/multipart';
import { apiAs, publishRoute, triageRoute } from '../helpers/request-data';

/**
 * Who may do what to a request, for every built-in role and every request-related endpoint of the
 * running app. Each staff role's user is a member of queue A only; the customer's user is bound to client
 * company C1. Every cell holds three letters, for a request
 *   1. in queue A, of company C1 — the staff caller's own queue, the customer's own company;
 *   2. in queue B, of company C1 — another queue, still the customer's company;
 *   3. in queue A, of company C2 — the staff caller's queue, another customer company.
 * A = allowed (any answer but 401/403/404: a 400, 409 or 422 still means the guard let the call through),
 * D = denied (403 or 404, or the endpoint's own refusal code, see `refused`). Lists count as denied when
 * the scope's item is missing from the answer. Versioned writes send a stale expectedVersion, so an
 * allowed call answers 409 and changes nothing. Endpoints that are not about one request (collections,
 * problems, portal topics) give the same letter in all three.
 */
// prettier-ignore
const MATRIX: Record<string, string> = {
  //                                                               administrator operator specialist manager analyst partner customer
  'POST /api/contacts':                                            'AAA AAA DDD DDD DDD DDD DDD',
  'GET /api/requests':                                             'AAA ADA ADA AAA DDD DDD DDD',
  'GET /api/requests/counts':                                      'ADA ADA ADA ADA DDD DDD DDD',
  'GET /api/requests/overview':                                    'AAA DDD DDD AAA DDD DDD DDD',
  'GET /api/requests/groups':                                      'AAA ADA ADA AAA DDD DDD DDD',
  'GET /api/requests/:id':                                         'AAA ADA ADA AAA DDD DDD DDD',
  'GET /api/requests/:id/transitions':                             'AAA ADA ADA AAA DDD DDD DDD',
  'POST /api/requests/:id/transitions':                            'ADA ADA ADA DDD DDD DDD DDD',
  'POST /api/requests/:id/accept':                                 'ADA ADA ADA DDD DDD DDD DDD',
  'POST /api/requests/:id/hand-back':                              'ADA ADA ADA DDD DDD DDD DDD',
  'POST /api/requests/:id/assign':                                 'ADA ADA ADA DDD DDD DDD DDD',
  'POST /api/requests/:id/attributes':                             'ADA ADA ADA DDD DDD DDD DDD',
  'POST /api/requests/:id/discussions':                            'ADA ADA ADA DDD DDD DDD DDD',
  'POST /api/requests/:id/discussions/:discussionId/comments':     'ADA ADA ADA DDD DDD DDD DDD',
  'POST /api/requests/:id/watch':                                  'AAA ADA ADA AAA DDD DDD DDD',
  'DELETE /api/requests/:id/watch':                                'AAA ADA ADA AAA DDD DDD DDD',
  'POST /api/requests/:id/escalate-up':                            'ADA ADA ADA DDD DDD DDD DDD',
  'POST /api/requests/:id/links':                                  'ADA ADA ADA DDD DDD DDD DDD',
  'DELETE /api/requests/:id/links/:linkId':                        'ADA ADA ADA DDD DDD DDD DDD',
  'PUT /api/requests/:id/tags':                                    'ADA ADA ADA DDD DDD DDD DDD',
  'POST /api/requests/:id/work-orders':                            'ADA ADA ADA DDD DDD DDD DDD',
  'GET /api/requests/:id/work-orders':                             'AAA ADA ADA AAA DDD DDD DDD',
  'GET /api/work-orders':                                          'AAA ADA ADA AAA DDD ADA DDD',
  'GET /api/work-orders/:id':                                      'AAA ADA ADA AAA DDD ADA DDD',
  'POST /api/work-orders/:id/status':                              'ADA ADA ADA DDD DDD ADA DDD',
  'POST /api/requests/:id/restore':                                'AAA DDD DDD AAA DDD DDD DDD',
  'POST /api/requests/:id/attachments':                            'ADA ADA ADA DDD DDD DDD DDD',
  'POST /api/requests/:id/comments/:commentId/attachments':        'ADA ADA ADA DDD DDD DDD DDD',
  'GET /api/requests/:id/attachments':                             'AAA ADA ADA AAA DDD DDD DDD',
  'GET /api/requests/:id/attachments/:attachmentId':               'AAA ADA ADA AAA DDD DDD DDD',
  'GET /api/requests/:id/attachments/:attachmentId/content':       'AAA ADA ADA AAA DDD DDD DDD',
  'DELETE /api/requests/:id/attachments/:attachmentId':            'ADA ADA ADA DDD DDD DDD DDD',
  'GET /api/search':                                               'AAA ADA ADA AAA DDD DDD DDD',
  'POST /api/requests/:id/confirm':                                'ADA ADA ADA DDD DDD DDD DDD',
  'POST /api/requests/:id/reject-solution':                        'ADA ADA ADA DDD DDD DDD DDD',
  // Reopening is for the queue's administrators (closure), not its members: nobody here is one.
  'POST /api/requests/:id/reopen':                                 'DDD DDD DDD DDD DDD DDD DDD',
  'POST /api/requests/bulk':                                       'ADA ADA ADA DDD DDD DDD DDD',
  'GET /api/requests/:id/articles':                                'AAA ADA ADA AAA DDD DDD DDD',
  'PUT /api/requests/:id/articles':                                'ADA ADA ADA DDD DDD DDD DDD',
  'POST /api/problems':                                            'AAA AAA AAA AAA DDD DDD DDD',
  'GET /api/problems':                                             'AAA AAA AAA AAA DDD DDD DDD',
  'GET /api/problems/:id':                                         'AAA ADA ADA AAA DDD DDD DDD',
  // problems.manage guards linking; the request must be one the caller works (queue member), requests.work or not.
  'POST /api/problems/:id/requests':                               'ADA ADA ADA ADA DDD DDD DDD',
  'POST /api/problems/:id/requests/unlink':                        'ADA ADA ADA ADA DDD DDD DDD',
  'PUT /api/problems/:id/solution':                                'AAA AAA AAA AAA DDD DDD DDD',
  'POST /api/problems/:id/resolve':                                'AAA AAA AAA AAA DDD DDD DDD',
  'POST /api/problems/:id/end':                                    'AAA AAA AAA AAA DDD DDD DDD',
  'POST /api/problems/:id/reopen':                                 'AAA AAA AAA AAA DDD DDD DDD',
  'GET /api/problems/:id/articles':                                'AAA AAA AAA AAA DDD DDD DDD',
  'PUT /api/problems/:id/articles':                                'AAA AAA AAA AAA DDD DDD DDD',
  'GET /api/sla/requests/:requestId/clocks':                       'AAA DDD DDD AAA DDD DDD DDD',
  'POST /api/sla/requests/:requestId/what-if':                     'AAA DDD DDD AAA DDD DDD DDD',
  'POST /api/sla/requests/:requestId/deadline':                    'AAA DDD DDD AAA DDD DDD DDD',
  // The portal speaks for a customer's company, whatever the queue; staff are refused (the administrator,
  // who holds portal.use, with 409 not_a_customer: no client is bound to the account).
  'GET /api/portal/topics':                                        'DDD DDD DDD DDD DDD DDD AAA',
  'GET /api/portal/topics/:id/form':                               'DDD DDD DDD DDD DDD DDD AAA',
  'POST /api/portal/requests':                                     'DDD DDD DDD DDD DDD DDD AAA',
  'GET /api/portal/requests':                                      'DDD DDD DDD DDD DDD DDD AAD',
  'GET /api/portal/requests/:id':                                  'DDD DDD DDD DDD DDD DDD AAD',
  'POST /api/portal/requests/:id/comments':                        'DDD DDD DDD DDD DDD DDD AAD',
  'POST /api/portal/requests/:id/confirm':                         'DDD DDD DDD DDD DDD DDD AAD',
  'POST /api/portal/requests/:id/reject':                          'DDD DDD DDD DDD DDD DDD AAD',
  // Published customer articles belong to no company: anyone holding portal.use reads them.
  'GET /api/portal/knowledge':                                     'AAA DDD DDD DDD DDD DDD AAA',
  'GET /api/portal/knowledge/:id':                                 'AAA DDD DDD DDD DDD DDD AAA',
  // Reports count the requests of every queue with requests.read.all, else of the caller's queues (the analyst is in A);
  // definitions and schedules are not about one request. The PUT and DELETE of a definition aim at a built-in one (409).
  'GET /api/reports/dashboard':                                    'AAA DDD DDD AAA ADA DDD DDD',
  'GET /api/reports/fields':                                       'AAA DDD DDD AAA AAA DDD DDD',
  'GET /api/reports/definitions':                                  'AAA DDD DDD AAA AAA DDD DDD',
  'GET /api/reports/definitions/:id':                              'AAA DDD DDD AAA AAA DDD DDD',
  'POST /api/reports/definitions':                                 'AAA DDD DDD AAA AAA DDD DDD',
  'PUT /api/reports/definitions/:id':                              'AAA DDD DDD AAA AAA DDD DDD',
  'DELETE /api/reports/definitions/:id':                           'AAA DDD DDD AAA AAA DDD DDD',
  'GET /api/reports/definitions/:id/run':                          'AAA DDD DDD AAA ADA DDD DDD',
  'POST /api/reports/run':                                         'AAA DDD DDD AAA ADA DDD DDD',
  'GET /api/reports/definitions/:id/export':                       'AAA DDD DDD AAA ADA DDD DDD',
  'GET /api/reports/schedules':                                    'AAA DDD DDD AAA AAA DDD DDD',
  'POST /api/reports/schedules':                                   'AAA DDD DDD AAA AAA DDD DDD',
  // A schedule is changed by its owner only: the probed ones are the administrator role's user's.
  'PUT /api/reports/schedules/:id':                                'AAA DDD DDD DDD DDD DDD DDD',
  'DELETE /api/reports/schedules/:id':                             'AAA DDD DDD DDD DDD DDD DDD',
};

const portalRoute = triageRoute('PORTAL', 'Portal', 'QA');

const ROLE_CODES = ['administrator', 'operator', 'specialist', 'manager', 'analyst', 'partner', 'customer'];
const SCOPES = ['A', 'B', 'C'] as const;
type Scope = (typeof SCOPES)[number];
const REQUEST_RELATED = /^\/api\/(requests|contacts|work-orders|problems|portal|search|attachments|sla\/requests|reports)(\/|$)/;
const STALE = 999_999;
const BY_QUEUE = { dataset: 'requests', groupBy: ['queue'], measures: ['count'] };
const NOT_A_CUSTOMER = 'not_a_customer';
/** Scope → [queue, client company, partner of its work order]. */
const PLACES: Record<Scope, [string, string, string]> = { A: ['QA', 'C1', 'P1'], B: ['QB', 'C1', 'P2'], C: ['QA', 'C2', 'P1'] };

/** The things one scope's calls aim at: all of them belong to the scope's request. */
interface Fixture {
  queueId: number;
  clientId: number;
  requestId: number;
  number: string;
  word: string;
  discussionId: number;
  commentId: number;
  attachmentId: number;
  workOrderId: number;
}

/** How one endpoint is called for a scope, and (for lists) whether the scope's item is in the answer. */
interface Probe {
  path: string;
  body?: unknown;
  upload?: boolean;
  /** The error code that, on this endpoint, means the scope's request was refused to the caller. */
  refused?: string;
  listed?: (body: any) => boolean; // eslint-disable-line @typescript-eslint/no-explicit-any -- each list has its own shape
}

describe.each(testDatabases())('authorisation matrix on %s', (database) => {
  let t: TestApp;
  let dir: string;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const fixtures = {} as Record<Scope, Fixture>;
  const { ok } = apiAs(() => t, tokens);
  const schedule = () => ({ definitionId: ids.byQueue, format: 'csv', recipients: ['matrix@example.com'], cron: '0 7 * * 1' });
  const file = (name: string) => ({ name, type: 'text/plain', content: Buffer.from(`notes for ${name}\n`) });
  const attach = async (requestId: number, who = 'owner') => (await upload(t.url, `/api/requests/${requestId}/attachments`, tokens[who], file('notes.txt'))).body.id as number;
  /** The request's relatedTo link to the link target, made afresh when an allowed DELETE has consumed it. */
  const relatedLink = async (requestId: number): Promise<number> => {
    const links: { id: number; kind: string; direction: string; request: { id: number } }[] = (await ok('owner', 'GET', `/api/requests/${requestId}`, undefined, 200)).links;
    const existing = links.find((link) => link.kind === 'relatedTo' && link.direction === 'outgoing' && link.request.id === ids.linkTarget);
    return existing?.id ?? (await ok('owner', 'POST', `/api/requests/${requestId}/links`, { kind: 'relatedTo', requestId: ids.linkTarget }, 201)).id;
  };

  /**
   * How each endpoint is called for the scope's request, with a body that passes validation, so a denial
   * comes from the access check, not the DTO. DELETE of an attachment gets a fresh one, as an allowed call consumes it.
   */
  const probes = async (scope: Scope): Promise<Record<string, Probe>> => {
    const f = fixtures[scope];
    const r = `/api/requests/${f.requestId}`;
    const has = (id: number) => (items: { id: number }[]) => items.some((item) => item.id === id);
    const inQueue = (rows: { queueId: number | null }[]) => rows.some((row) => row.queueId === f.queueId);
    return {
      'POST /api/contacts': { path: '/api/contacts', body: { requests: [{ topicId: ids.topic, type: 'information', impact: 3, urgency: 3, subject: 'Matrix', queueId: f.queueId }] } },
      'GET /api/requests': { path: `/api/requests?queueId=${f.queueId}&state=all`, listed: (body) => has(f.requestId)(body.items) },
      'GET /api/requests/counts': { path: '/api/requests/counts', listed: (body) => body.some((count: { queueId: number }) => count.queueId === f.queueId) },
      'GET /api/requests/overview': { path: '/api/requests/overview', listed: (body) => body.some((count: { queueId: number }) => count.queueId === f.queueId) },
      'GET /api/requests/groups': { path: `/api/requests/groups?by=queueId&state=all`, listed: (body) => body.groups.some((group: { key: number }) => group.key === f.queueId) },
      'GET /api/requests/:id': { path: r },
      'GET /api/requests/:id/transitions': { path: `${r}/transitions` },
      'POST /api/requests/:id/transitions': { path: `${r}/transitions`, body: { transitionId: 'escalate', expectedVersion: STALE } },
      'POST /api/requests/:id/accept': { path: `${r}/accept`, body: { expectedVersion: STALE } },
      'POST /api/requests/:id/hand-back': { path: `${r}/hand-back`, body: { reason: 'Not ours', expectedVersion: STALE } },
      'POST /api/requests/:id/assign': { path: `${r}/assign`, body: { assigneeId: null, expectedVersion: STALE } },
      'POST /api/requests/:id/attributes': { path: `${r}/attributes`, body: { values: {}, expectedVersion: STALE } },
      'POST /api/requests/:id/discussions': { path: `${r}/discussions`, body: { title: 'Matrix', visibility: 'internal' } },
      'POST /api/requests/:id/discussions/:discussionId/comments': { path: `${r}/discussions/${f.discussionId}/comments`, body: { body: 'Matrix' } },
      'POST /api/requests/:id/watch': { path: `${r}/watch` },
      'DELETE /api/requests/:id/watch': { path: `${r}/watch` },
      'POST /api/requests/:id/escalate-up': { path: `${r}/escalate-up`, body: { reason: 'Matrix' } },
      // The target is in queue A, which every staff caller reads; a repeated allowed call answers 409 link_exists.
      'POST /api/requests/:id/links': { path: `${r}/links`, body: { kind: 'duplicateOf', requestId: ids.linkTarget } },
      'DELETE /api/requests/:id/links/:linkId': { path: `${r}/links/${await relatedLink(f.requestId)}` },
      'PUT /api/requests/:id/tags': { path: `${r}/tags`, body: { tags: ['Matrix'] } },
      'POST /api/requests/:id/work-orders': { path: `${r}/work-orders`, body: { partnerId: ids.P1, subject: 'Matrix' } },
      'GET /api/requests/:id/work-orders': { path: `${r}/work-orders` },
      'GET /api/work-orders': { path: '/api/work-orders?pageSize=200', listed: (body) => has(f.workOrderId)(body.items) },
      'GET /api/work-orders/:id': { path: `/api/work-orders/${f.workOrderId}` },
      'POST /api/work-orders/:id/status': { path: `/api/work-orders/${f.workOrderId}/status`, body: { status: 'in_progress', expectedVersion: STALE } },
      // Not archived: an allowed caller hears 409 not_archived.
      'POST /api/requests/:id/restore': { path: `${r}/restore` },
      'POST /api/requests/:id/attachments': { path: `${r}/attachments`, upload: true },
      'POST /api/requests/:id/comments/:commentId/attachments': { path: `${r}/comments/${f.commentId}/attachments`, upload: true },
      'GET /api/requests/:id/attachments': { path: `${r}/attachments` },
      'GET /api/requests/:id/attachments/:attachmentId': { path: `${r}/attachments/${f.attachmentId}` },
      'GET /api/requests/:id/attachments/:attachmentId/content': { path: `${r}/attachments/${f.attachmentId}/content` },
      'DELETE /api/requests/:id/attachments/:attachmentId': { path: `${r}/attachments/${await attach(f.requestId)}` },
      'GET /api/search': { path: `/api/search?q=${f.word}`, listed: (body) => body.items.some((item: { requestId: number }) => item.requestId === f.requestId) },
      'POST /api/requests/:id/confirm': { path: `${r}/confirm`, body: { rating: 5, expectedVersion: STALE } },
      'POST /api/requests/:id/reject-solution': { path: `${r}/reject-solution`, body: { reason: 'Still broken', expectedVersion: STALE } },
      'POST /api/requests/:id/reopen': { path: `${r}/reopen`, body: { reason: 'Again', expectedVersion: STALE } },
      // Per-request outcomes: denied means the request's own result says it is hidden or not the caller's to work.
      'POST /api/requests/bulk': { path: '/api/requests/bulk', body: { ids: [f.requestId], action: 'assign', params: { assigneeId: null }, expectedVersions: { [f.requestId]: STALE } }, listed: (body) => !['not_found', 'not_in_queue'].includes(body.results[0].code) },
      'GET /api/requests/:id/articles': { path: `${r}/articles` },
      'PUT /api/requests/:id/articles': { path: `${r}/articles`, body: { articleIds: [ids.article] } },
      'POST /api/problems': { path: '/api/problems', body: { subject: 'Matrix' } },
      'GET /api/problems': { path: '/api/problems' },
      'GET /api/problems/:id': { path: `/api/problems/${ids.problem}`, listed: (body) => has(f.requestId)(body.requests) },
      // Unlink first, then link again, so the next caller finds the same links. A refused link is a 400 naming the request.
      'POST /api/problems/:id/requests/unlink': { path: `/api/problems/${ids.problem}/requests/unlink`, body: { requestIds: [f.requestId] } },
      'POST /api/problems/:id/requests': { path: `/api/problems/${ids.problem}/requests`, body: { requestIds: [f.requestId] }, refused: 'invalid_links' },
      'PUT /api/problems/:id/solution': { path: `/api/problems/${ids.stateProblem}/solution`, body: { workaround: 'Restart' } },
      'POST /api/problems/:id/resolve': { path: `/api/problems/${ids.stateProblem}/resolve`, body: { reason: 'Fixed' } },
      'POST /api/problems/:id/end': { path: `/api/problems/${ids.stateProblem}/end`, body: { outcome: 'closed', reason: 'Held' } },
      'POST /api/problems/:id/reopen': { path: `/api/problems/${ids.stateProblem}/reopen`, body: { reason: 'Back' } },
      'GET /api/problems/:id/articles': { path: `/api/problems/${ids.problem}/articles` },
      'PUT /api/problems/:id/articles': { path: `/api/problems/${ids.problem}/articles`, body: { articleIds: [ids.article] } },
      'GET /api/sla/requests/:requestId/clocks': { path: `/api/sla/requests/${f.requestId}/clocks` },
      'POST /api/sla/requests/:requestId/what-if': { path: `/api/sla/requests/${f.requestId}/what-if`, body: { priority: 1 } },
      'POST /api/sla/requests/:requestId/deadline': { path: `/api/sla/requests/${f.requestId}/deadline`, body: { deadline: '2099-01-01T00:00:00Z', reason: 'Matrix' } },
      'GET /api/portal/topics': { path: '/api/portal/topics', refused: NOT_A_CUSTOMER },
      'GET /api/portal/topics/:id/form': { path: `/api/portal/topics/${ids.portalTopic}/form`, refused: NOT_A_CUSTOMER },
      'POST /api/portal/requests': { path: '/api/portal/requests', body: { topicId: ids.portalTopic, subject: 'Matrix' }, refused: NOT_A_CUSTOMER },
      'GET /api/portal/requests': { path: '/api/portal/requests?pageSize=100', listed: (body) => has(f.requestId)(body.items), refused: NOT_A_CUSTOMER },
      'GET /api/portal/requests/:id': { path: `/api/portal/requests/${f.requestId}`, refused: NOT_A_CUSTOMER },
      'POST /api/portal/requests/:id/comments': { path: `/api/portal/requests/${f.requestId}/comments`, body: { body: 'Matrix' }, refused: NOT_A_CUSTOMER },
      'POST /api/portal/requests/:id/confirm': { path: `/api/portal/requests/${f.requestId}/confirm`, body: { rating: 5, expectedVersion: STALE }, refused: NOT_A_CUSTOMER },
      'POST /api/portal/requests/:id/reject': { path: `/api/portal/requests/${f.requestId}/reject`, body: { reason: 'Still broken', expectedVersion: STALE }, refused: NOT_A_CUSTOMER },
      'GET /api/portal/knowledge': { path: '/api/portal/knowledge', refused: NOT_A_CUSTOMER },
      'GET /api/portal/knowledge/:id': { path: `/api/portal/knowledge/${ids.article}`, refused: NOT_A_CUSTOMER },
      'GET /api/reports/dashboard': { path: '/api/reports/dashboard', listed: (body) => inQueue(body.backlog) },
      'GET /api/reports/fields': { path: '/api/reports/fields' },
      'GET /api/reports/definitions': { path: '/api/reports/definitions' },
      'GET /api/reports/definitions/:id': { path: `/api/reports/definitions/${ids.byQueue}` },
      // A repeated allowed call answers 409 code_taken.
      'POST /api/reports/definitions': { path: '/api/reports/definitions', body: { code: 'matrix', name: 'Matrix', definition: BY_QUEUE } },
      'PUT /api/reports/definitions/:id': { path: `/api/reports/definitions/${ids.builtInReport}`, body: { name: 'Matrix' } },
      'DELETE /api/reports/definitions/:id': { path: `/api/reports/definitions/${ids.builtInReport}` },
      'GET /api/reports/definitions/:id/run': { path: `/api/reports/definitions/${ids.byQueue}/run`, listed: (body) => inQueue(body.rows) },
      'POST /api/reports/run': { path: '/api/reports/run', body: { definition: BY_QUEUE }, listed: (body) => inQueue(body.rows) },
      'GET /api/reports/definitions/:id/export': { path: `/api/reports/definitions/${ids.byQueue}/export?format=csv`, listed: (body) => String(body).includes(`Queue ${PLACES[scope][0]},`) },
      'GET /api/reports/schedules': { path: '/api/reports/schedules' },
      'POST /api/reports/schedules': { path: '/api/reports/schedules', body: schedule() },
      'PUT /api/reports/schedules/:id': { path: `/api/reports/schedules/${ids.schedule}`, body: { active: true } },
      'DELETE /api/reports/schedules/:id': { path: `/api/reports/schedules/${(await ok('administrator', 'POST', '/api/reports/schedules', schedule(), 201)).id}` },
    };
  };

  /** A, D, or a marker that fails every cell: ! for 401, 5 for a server error. */
  const outcome = (probe: Probe, response: CallResult | { status: number; body: unknown }): string => {
    if ([401, 403, 404].includes(response.status)) return response.status === 401 ? '!' : 'D';
    if (response.status >= 500) return '5';
    if (probe.refused && (response.body as { code?: string })?.code === probe.refused) return 'D';
    return probe.listed && response.status < 300 && !probe.listed(response.body) ? 'D' : 'A';
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'docket-matrix-'));
    t = await startTestApp(database, { DOCKET_ATTACHMENTS_DIR: dir });
    tokens.admin = await t.loginAs('admin', t.adminPassword);
    // `owner` works both queues and builds the fixtures; each staff role's user belongs to queue A only.
    for (const [login, role] of [['owner', 'operator'], ...ROLE_CODES.map((code) => [code, code])]) {
      ids[login] = (await ok('admin', 'POST', '/api/users', { login, name: login, password: `${login}-password-1`, roleCodes: [role] }, 201)).id;
    }
    for (const code of ['P1', 'P2']) ids[code] = (await ok('admin', 'POST', '/api/partners', { code, name: code }, 201)).id;
    for (const code of ['C1', 'C2']) ids[code] = (await ok('admin', 'POST', '/api/clients', { kind: 'company', name: `Company ${code}` }, 201)).id;
    await ok('admin', 'PUT', `/api/users/${ids.partner}/partner`, { partnerId: ids.P1 }, 200);
    await ok('admin', 'PUT', `/api/users/${ids.customer}/customer`, { clientId: ids.C1 }, 200);
    for (const login of ['owner', ...ROLE_CODES]) tokens[login] = await t.loginAs(login, `${login}-password-1`);
    const staff = ROLE_CODES.filter((code) => code !== 'customer');
    for (const [code, members] of [['QA', ['owner', ...staff]], ['QB', ['owner']]] as const) {
      ids[code] = (await ok('admin', 'POST', '/api/queues', { code, name: `Queue ${code}` }, 201)).id;
      await ok('admin', 'PUT', `/api/queues/${ids[code]}/people`, { memberIds: members.map((login) => ids[login]), workgroupIds: [], administratorIds: [] }, 200);
    }
    ids.topic = (await ok('admin', 'POST', '/api/topics', { code: 'GENERAL', name: 'General', kind: 'topic' }, 201)).id;
    // The portal offers only topics with a published route; the staff's fixtures use the plain topic, so they stay where they are put.
    ids.portalTopic = (await ok('admin', 'POST', '/api/topics', { code: 'PORTAL', name: 'Portal', kind: 'topic' }, 201)).id;
    await publishRoute(ok, 'PORTAL', [ids.portalTopic], portalRoute);
    ids.article = (await ok('admin', 'POST', '/api/knowledge/articles', { title: 'Restart the router', body: '<p>Unplug it</p>', published: true, audience: 'customer' }, 201)).id;
    for (const scope of SCOPES) {
      const [queue, client, partner] = PLACES[scope];
      const f = { queueId: ids[queue], clientId: ids[client], word: `matrix${{ A: 'alpha', B: 'bravo', C: 'charlie' }[scope]}` } as Fixture;
      fixtures[scope] = f;
      const created = await ok('owner', 'POST', '/api/contacts', { clientId: f.clientId, requests: [{ topicId: ids.topic, type: 'incident', impact: 3, urgency: 3, subject: `Printer ${f.word}`, queueId: f.queueId }] }, 201);
      Object.assign(f, { requestId: created.requests[0].id, number: created.requests[0].number });
      f.discussionId = (await ok('owner', 'POST', `/api/requests/${f.requestId}/discussions`, { title: 'Notes', visibility: 'internal' }, 201)).id;
      f.commentId = (await ok('owner', 'POST', `/api/requests/${f.requestId}/discussions/${f.discussionId}/comments`, { body: '<p>Note</p>' }, 201)).id;
      f.attachmentId = await attach(f.requestId);
      f.workOrderId = (await ok('owner', 'POST', `/api/requests/${f.requestId}/work-orders`, { partnerId: ids[partner], subject: 'Fix it' }, 201)).id;
    }
    ids.linkTarget = (await ok('owner', 'POST', '/api/contacts', { requests: [{ topicId: ids.topic, type: 'incident', impact: 3, urgency: 3, subject: 'Link target', queueId: ids.QA }] }, 201)).requests[0].id;
    for (const name of ['problem', 'stateProblem']) ids[name] = (await ok('owner', 'POST', '/api/problems', { subject: name }, 201)).id;
    ids.byQueue = (await ok('admin', 'POST', '/api/reports/definitions', { code: 'by-queue', name: 'By queue', definition: BY_QUEUE }, 201)).id;
    ids.builtInReport = (await ok('admin', 'GET', '/api/reports/definitions', undefined, 200)).find((report: { code: string }) => report.code === 'by-topic').id;
    ids.schedule = (await ok('administrator', 'POST', '/api/reports/schedules', schedule(), 201)).id;
    await ok('owner', 'POST', `/api/problems/${ids.problem}/requests`, { requestIds: SCOPES.map((scope) => fixtures[scope].requestId) }, 200);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has a row for every built-in role and every request-related endpoint of the app, and no stale rows', async () => {
    expect(BUILT_IN_ROLES.map((role) => role.code).sort()).toEqual([...ROLE_CODES].sort());
    const present = (await listEndpoints(t)).filter((endpoint) => REQUEST_RELATED.test(endpoint.path)).map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect({ unclassified: present.filter((key) => !(key in MATRIX)), stale: Object.keys(MATRIX).filter((key) => !present.includes(key)) }).toEqual({ unclassified: [], stale: [] });
    expect(Object.keys(await probes('A')).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(ROLE_CODES)('answers %s as the matrix says, for each of the three requests', async (role) => {
    const column = ROLE_CODES.indexOf(role);
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    const calls: Record<string, string[]> = {};
    for (const key of Object.keys(MATRIX)) {
      expected[key] = MATRIX[key].split(' ')[column];
      actual[key] = '';
      calls[key] = [];
    }
    for (const scope of SCOPES) {
      const byEndpoint = await probes(scope);
      for (const [key, probe] of Object.entries(byEndpoint)) {
        const method = key.split(' ')[0];
        const response = probe.upload ? await upload(t.url, probe.path, tokens[role], file('matrix.txt')) : await t.call(method, probe.path, { token: tokens[role], body: probe.body });
        actual[key] += outcome(probe, response);
        calls[key].push(`${scope}:${response.status}${response.status >= 400 ? ` ${(response.body as { code?: string })?.code}` : ''}`);
      }
    }
    const mismatches = Object.keys(MATRIX).filter((key) => actual[key] !== expected[key]).map((key) => `${key}: expected ${expected[key]}, got ${actual[key]} (${calls[key].join(', ')})`);
    expect(mismatches).toEqual([]);
  });
});
