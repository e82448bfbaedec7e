import { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { apiAs } from '../helpers/request-data';
import { addQueue, addStaff } from '../helpers/staff';

const RELATIVE_KEYS = ['childKey', 'id', 'isOpen', 'number', 'resolution', 'status', 'topic'];

/**
 * Links between requests (duplicate of, related to) and tags: written by those who work the request, shown on
 * both cards, journalled, and tags filter the list. olga works FIRST, nina OTHER, sam both; mark is a manager
 * (reads every queue, works none); the partner's and the customer's users may not write at all.
 */
describe.each(testDatabases())('request links and tags on %s', (database) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const { as, ok } = apiAs(() => t, tokens);
  let topicId: number;
  const newRequest = async (who: string, queue: string, subject: string) =>
    (await ok(who, 'POST', '/api/contacts', { requests: [{ topicId, type: 'incident', impact: 3, urgency: 3, subject, queueId: ids[queue] }] }, 201)).requests[0] as { id: number; number: string };
  const card = (who: string, id: number) => ok(who, 'GET', `/api/requests/${id}`, undefined, 200);
  const journal = async (requestId: number, action: string) =>
    (await t.dataSource.query('SELECT actorLogin, changes FROM audit_entries WHERE entityType = ? AND entityId = ? AND action = ? ORDER BY id', ['request', String(requestId), action])).map((row: { actorLogin: string; changes: string }) => ({
      actor: row.actorLogin,
      changes: JSON.parse(row.changes),
    }));
  const listed = async (who: string, query: string) => {
    const page = await ok(who, 'GET', `/api/requests?state=all&pageSize=100&${query}`, undefined, 200);
    return { numbers: page.items.map((item: { number: string }) => item.number).sort(), total: page.total };
  };

  beforeAll(async () => {
    t = await startTestApp(database);
    await addStaff(t, ok, tokens, ids, [['olga', 'operator'], ['nina', 'operator'], ['sam', 'specialist'], ['mark', 'manager'], ['pat', 'partner'], ['cora', 'customer']]);
    await addQueue(ok, ids, 'FIRST', 'First', { members: ['olga', 'sam'] });
    await addQueue(ok, ids, 'OTHER', 'Other', { members: ['nina', 'sam'] });
    topicId = (await ok('admin', 'POST', '/api/topics', { code: 'GENERAL', name: 'General', kind: 'topic' }, 201)).id;
  });
  afterAll(() => t?.close());

  it('links a duplicate and a related request, by number or by id, and shows each link on both cards', async () => {
    const a = await newRequest('olga', 'FIRST', 'Printer jams');
    const b = await newRequest('olga', 'FIRST', 'Printer jams on floor 2');
    const duplicate = await ok('olga', 'POST', `/api/requests/${a.id}/links`, { kind: 'duplicateOf', number: b.number }, 201);
    expect(duplicate).toEqual({ id: expect.any(Number), kind: 'duplicateOf', direction: 'outgoing', request: { id: b.id, number: b.number, status: 'new', isOpen: true, resolution: null, childKey: null, topic: { code: 'GENERAL', name: 'General' } } });
    const related = await ok('olga', 'POST', `/api/requests/${a.id}/links`, { kind: 'relatedTo', requestId: b.id }, 201);

    expect((await card('olga', a.id)).links).toEqual([
      { id: duplicate.id, kind: 'duplicateOf', direction: 'outgoing', request: expect.objectContaining({ id: b.id, number: b.number }) },
      { id: related.id, kind: 'relatedTo', direction: 'outgoing', request: expect.objectContaining({ id: b.id }) },
    ]);
    expect((await card('olga', b.id)).links).toEqual([
      { id: duplicate.id, kind: 'duplicateOf', direction: 'incoming', request: expect.objectContaining({ id: a.id, number: a.number, status: 'new' }) },
      { id: related.id, kind: 'relatedTo', direction: 'incoming', request: expect.objectContaining({ id: a.id }) },
    ]);
    expect(await journal(a.id, 'link.add')).toEqual([
      { actor: 'olga', changes: [{ field: 'link', old: null, new: { id: duplicate.id, kind: 'duplicateOf', direction: 'outgoing', number: b.number } }] },
      { actor: 'olga', changes: [{ field: 'link', old: null, new: { id: related.id, kind: 'relatedTo', direction: 'outgoing', number: b.number } }] },
    ]);
    expect(await journal(b.id, 'link.add')).toEqual([
      { actor: 'olga', changes: [{ field: 'link', old: null, new: { id: duplicate.id, kind: 'duplicateOf', direction: 'incoming', number: a.number } }] },
      { actor: 'olga', changes: [{ field: 'link', old: null, new: { id: related.id, kind: 'relatedTo', direction: 'incoming', number: a.number } }] },
    ]);

    // The same link again is refused (relatedTo either way round), as is making each the other's duplicate.
    const again = await as('olga', 'POST', `/api/requests/${a.id}/links`, { kind: 'duplicateOf', requestId: b.id });
    expect([again.status, again.body.code]).toEqual([409, 'link_exists']);
    expect((await as('olga', 'POST', `/api/requests/${b.id}/links`, { kind: 'relatedTo', number: a.number })).body).toMatchObject({ code: 'link_exists' });
    const cycle = await as('olga', 'POST', `/api/requests/${b.id}/links`, { kind: 'duplicateOf', number: a.number });
    expect([cycle.status, cycle.body.code]).toEqual([409, 'duplicate_cycle']);
    expect((await card('olga', a.id)).links).toHaveLength(2);
  });

  it('refuses a link to the request itself, a bad body, and a request the caller may not read as if it did not exist', async () => {
    const a = await newRequest('olga', 'FIRST', 'Scanner offline');
    const hidden = await newRequest('nina', 'OTHER', 'Hidden from olga');
    const self = await as('olga', 'POST', `/api/requests/${a.id}/links`, { kind: 'relatedTo', number: a.number });
    expect([self.status, self.body.code, self.body.details]).toEqual([400, 'self_link', [{ path: 'number', message: 'is this request' }]]);
    expect((await as('olga', 'POST', `/api/requests/${a.id}/links`, { kind: 'relatedTo', requestId: a.id })).body).toMatchObject({ code: 'self_link', details: [{ path: 'requestId' }] });
    expect((await as('olga', 'POST', `/api/requests/${a.id}/links`, { kind: 'relatedTo', number: hidden.number, requestId: hidden.id })).status).toBe(400);
    expect((await as('olga', 'POST', `/api/requests/${a.id}/links`, { kind: 'relatedTo' })).status).toBe(400);
    expect((await as('olga', 'POST', `/api/requests/${a.id}/links`, { kind: 'causedBy', requestId: hidden.id })).body.details).toEqual([expect.objectContaining({ path: 'kind' })]);

    const byNumber = await as('olga', 'POST', `/api/requests/${a.id}/links`, { kind: 'relatedTo', number: hidden.number });
    const byId = await as('olga', 'POST', `/api/requests/${a.id}/links`, { kind: 'relatedTo', requestId: hidden.id });
    const missing = await as('olga', 'POST', `/api/requests/${a.id}/links`, { kind: 'relatedTo', requestId: 999_999 });
    const unknownNumber = await as('olga', 'POST', `/api/requests/${a.id}/links`, { kind: 'relatedTo', number: 'REQ-0000-000000' });
    for (const refused of [byNumber, byId, missing, unknownNumber]) expect([refused.status, refused.body.code]).toEqual([404, 'not_found']);
    expect((await card('olga', a.id)).links).toEqual([]);
    expect(await journal(a.id, 'link.add')).toEqual([]);
  });

  it('shows a linked request in a queue the reader does not work by number, status and topic only, and removes links from either card', async () => {
    const a = await newRequest('olga', 'FIRST', 'Mail bounces');
    const other = await newRequest('nina', 'OTHER', 'Secret subject of another queue');
    const b = await newRequest('olga', 'FIRST', 'Mail bounces too');
    // sam works both queues: he may link them.
    const incoming = await ok('sam', 'POST', `/api/requests/${other.id}/links`, { kind: 'relatedTo', number: a.number }, 201);
    const outgoing = await ok('olga', 'POST', `/api/requests/${a.id}/links`, { kind: 'duplicateOf', number: b.number }, 201);
    const seen = (await card('olga', a.id)).links;
    expect(seen.map((link: { id: number; direction: string }) => [link.id, link.direction])).toEqual([[incoming.id, 'incoming'], [outgoing.id, 'outgoing']]);
    expect(Object.keys(seen[0].request).sort()).toEqual(RELATIVE_KEYS);
    expect(seen[0].request).toMatchObject({ id: other.id, number: other.number, status: 'new' });
    expect(JSON.stringify(seen)).not.toContain('Secret subject');

    // nina works only OTHER: she cannot remove the link from olga's request, whose card she may not read.
    expect((await as('nina', 'DELETE', `/api/requests/${a.id}/links/${incoming.id}`)).status).toBe(404);
    // A link is removed through a request it joins, not any other.
    expect((await as('olga', 'DELETE', `/api/requests/${b.id}/links/${incoming.id}`)).status).toBe(404);
    expect((await as('olga', 'DELETE', `/api/requests/${a.id}/links/${incoming.id}`)).status).toBe(204);
    expect((await as('olga', 'DELETE', `/api/requests/${a.id}/links/${outgoing.id}`)).status).toBe(204);
    expect((await as('olga', 'DELETE', `/api/requests/${a.id}/links/${outgoing.id}`)).status).toBe(404);
    expect((await card('olga', a.id)).links).toEqual([]);
    expect((await card('olga', b.id)).links).toEqual([]);
    expect((await card('nina', other.id)).links).toEqual([]);
    expect(await journal(a.id, 'link.remove')).toEqual([
      { actor: 'olga', changes: [{ field: 'link', old: { id: incoming.id, kind: 'relatedTo', direction: 'incoming', number: other.number }, new: null }] },
      { actor: 'olga', changes: [{ field: 'link', old: { id: outgoing.id, kind: 'duplicateOf', direction: 'outgoing', number: b.number }, new: null }] },
    ]);
    expect(await journal(other.id, 'link.remove')).toEqual([
      { actor: 'olga', changes: [{ field: 'link', old: { id: incoming.id, kind: 'relatedTo', direction: 'outgoing', number: a.number }, new: null }] },
    ]);
  });

  it('lets only those who work the request write its links and tags', async () => {
    const a = await newRequest('olga', 'FIRST', 'Projector');
    const b = await newRequest('olga', 'FIRST', 'Projector cable');
    const link = await ok('olga', 'POST', `/api/requests/${a.id}/links`, { kind: 'relatedTo', number: b.number }, 201);
    for (const who of ['mark', 'nina', 'pat', 'cora']) {
      const add = await as(who, 'POST', `/api/requests/${a.id}/links`, { kind: 'duplicateOf', number: b.number });
      const remove = await as(who, 'DELETE', `/api/requests/${a.id}/links/${link.id}`);
      const tags = await as(who, 'PUT', `/api/requests/${a.id}/tags`, { tags: ['mine'] });
      expect({ who, statuses: [add.status, remove.status, tags.status] }).toEqual({ who, statuses: who === 'nina' ? [404, 404, 404] : [403, 403, 403] });
    }
    // The manager reads the card (links included) without working it.
    expect((await card('mark', a.id)).links).toEqual([expect.objectContaining({ id: link.id })]);
    expect((await card('olga', a.id)).tags).toEqual([]);
  });

  it('sets tags trimmed, lower-cased and without repeats, refuses invalid ones with their path, and journals old → new', async () => {
    const a = await newRequest('olga', 'FIRST', 'Network down in the warehouse');
    expect(await ok('olga', 'PUT', `/api/requests/${a.id}/tags`, { tags: [' Printer ', 'NETWORK', 'printer', 'Urgent  Fix'] }, 200)).toEqual({ requestId: a.id, tags: ['network', 'printer', 'urgent fix'] });
    expect((await card('olga', a.id)).tags).toEqual(['network', 'printer', 'urgent fix']);

    const blank = await as('olga', 'PUT', `/api/requests/${a.id}/tags`, { tags: ['ok', '   '] });
    expect([blank.status, blank.body.code, blank.body.details]).toEqual([400, 'invalid_tags', [{ path: 'tags.1', message: 'a tag has 1 to 64 characters once trimmed' }]]);
    expect((await as('olga', 'PUT', `/api/requests/${a.id}/tags`, { tags: ['x'.repeat(65)] })).body.details).toEqual([expect.objectContaining({ path: 'tags.0' })]);
    expect((await as('olga', 'PUT', `/api/requests/${a.id}/tags`, { tags: Array.from({ length: 21 }, (_, index) => `t${index}`) })).body.details).toEqual([{ path: 'tags', message: 'at most 20 different tags' }]);
    expect((await as('olga', 'PUT', `/api/requests/${a.id}/tags`, { tags: 'printer' })).status).toBe(400);
    expect((await as('olga', 'PUT', `/api/requests/${a.id}/tags`, { tags: [7] })).status).toBe(400);
    expect((await as('olga', 'PUT', `/api/requests/${a.id}/tags`, { tags: ['a,b'] })).body).toMatchObject({ code: 'invalid_tags', details: [{ path: 'tags.0' }] });
    expect((await card('olga', a.id)).tags).toEqual(['network', 'printer', 'urgent fix']);

    // The same set again changes nothing and writes no journal line.
    await ok('olga', 'PUT', `/api/requests/${a.id}/tags`, { tags: ['printer', 'Network', 'urgent fix'] }, 200);
    expect(await ok('olga', 'PUT', `/api/requests/${a.id}/tags`, { tags: ['printer', 'vip'] }, 200)).toEqual({ requestId: a.id, tags: ['printer', 'vip'] });
    expect(await journal(a.id, 'tags.set')).toEqual([
      { actor: 'olga', changes: [{ field: 'tags', old: [], new: ['network', 'printer', 'urgent fix'] }] },
      { actor: 'olga', changes: [{ field: 'tags', old: ['network', 'printer', 'urgent fix'], new: ['printer', 'vip'] }] },
    ]);
    // A retry with the same Idempotency-Key acts once.
    const headers = { 'Idempotency-Key': 'tags-clear-1' };
    for (let attempt = 0; attempt < 2; attempt++) expect((await as('olga', 'PUT', `/api/requests/${a.id}/tags`, { tags: [] }, headers)).body).toEqual({ requestId: a.id, tags: [] });
    expect(await journal(a.id, 'tags.set')).toHaveLength(3);
  });

  it('filters the list and its group counts by one tag or several (all of them), with the other filters', async () => {
    const [printer, both, other] = [await newRequest('olga', 'FIRST', 'Tagged printer'), await newRequest('olga', 'FIRST', 'Tagged both'), await newRequest('olga', 'FIRST', 'Tagged other')];
    const foreign = await newRequest('nina', 'OTHER', 'Tagged elsewhere');
    await ok('olga', 'PUT', `/api/requests/${printer.id}/tags`, { tags: ['Toner'] }, 200);
    await ok('olga', 'PUT', `/api/requests/${both.id}/tags`, { tags: ['toner', 'floor-2'] }, 200);
    await ok('olga', 'PUT', `/api/requests/${other.id}/tags`, { tags: ['floor-2'] }, 200);
    await ok('nina', 'PUT', `/api/requests/${foreign.id}/tags`, { tags: ['toner'] }, 200);

    expect(await listed('olga', 'tag=toner')).toEqual({ numbers: [printer.number, both.number].sort(), total: 2 });
    expect(await listed('olga', 'tag=%20TONER%20')).toEqual({ numbers: [printer.number, both.number].sort(), total: 2 });
    expect(await listed('olga', 'tag=toner&tag=floor-2')).toEqual({ numbers: [both.number], total: 1 });
    expect(await listed('olga', 'tag=toner&tag=nothing')).toEqual({ numbers: [], total: 0 });
    expect(await listed('olga', 'tag=Floor-2,toner')).toEqual({ numbers: [both.number], total: 1 });
    expect(await listed('olga', `tag=toner&queueId=${ids.FIRST}&filters=${encodeURIComponent(JSON.stringify([{ field: 'subject', op: 'contains', value: 'both' }]))}`)).toEqual({ numbers: [both.number], total: 1 });
    // The manager reads every queue: the tag finds the other queue's request too.
    expect((await listed('mark', 'tag=toner')).numbers).toEqual([printer.number, both.number, foreign.number].sort());
    const groups = await ok('olga', 'GET', '/api/requests/groups?by=queueId&state=all&tag=floor-2', undefined, 200);
    expect(groups).toMatchObject({ total: 2, groups: [{ key: ids.FIRST, count: 2 }] });
    expect((await as('olga', 'GET', `/api/requests?tag=${'x'.repeat(65)}`)).status).toBe(400);

    // A saved filter keeps its tags.
    const saved = await ok('olga', 'POST', '/api/me/saved-filters', { name: 'Toner on floor 2', query: { state: 'all', tag: ['toner', 'floor-2'] } }, 201);
    expect((await ok('olga', 'GET', `/api/me/saved-filters/${saved.id}`, undefined, 200)).query).toEqual({ state: 'all', tag: ['toner', 'floor-2'] });
    const badTag = await as('olga', 'POST', '/api/me/saved-filters', { name: 'Bad', query: { tag: ['x'.repeat(65)] } });
    expect([badTag.status, badTag.body.details?.[0]?.path]).toEqual([400, 'query.tag']);
  });

  it('shows the problem that caused the request, and its parent and children as before', async () => {
    const a = await newRequest('olga', 'FIRST', 'Outage in the east');
    const problem = await ok('olga', 'POST', '/api/problems', { subject: 'Core switch failed' }, 201);
    await ok('olga', 'POST', `/api/problems/${problem.id}/requests`, { requestIds: [a.id] }, 200);
    const view = await card('olga', a.id);
    expect(view.problems).toEqual([{ id: problem.id, number: problem.number, subject: 'Core switch failed', status: 'open' }]);
    expect([view.parent, view.children, view.links, view.tags]).toEqual([null, [], [], []]);
  });

  it('keeps an archived request read-only: no links or tags are written on it', async () => {
    const a = await newRequest('olga', 'FIRST', 'Old request');
    const b = await newRequest('olga', 'FIRST', 'New request');
    await t.dataSource.getRepository(CustomerRequest).update(a.id, { isOpen: false, archivedAt: new Date() });
    const link = await as('olga', 'POST', `/api/requests/${a.id}/links`, { kind: 'relatedTo', number: b.number });
    const tags = await as('olga', 'PUT', `/api/requests/${a.id}/tags`, { tags: ['old'] });
    expect([link.status, link.body.code, tags.status, tags.body.code]).toEqual([409, 'archived', 409, 'archived']);
    // The live request may still name the archived one.
    await ok('olga', 'POST', `/api/requests/${b.id}/links`, { kind: 'duplicateOf', number: a.number }, 201);
  });
});
