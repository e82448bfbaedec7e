import { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';

describe.each(testDatabases())('directory API on %s', (database) => {
  let t: TestApp;
  let admin: string;
  let operator: string;
  let specialist: string;
  let pskovClientId: number;
  let prospectId: number;

  beforeAll(async () => {
    t = await startTestApp(database);
    admin = await t.loginAs('admin', t.adminPassword);
    await t.call('POST', '/api/users', { token: admin, body: { login: 'op', name: 'Op', password: 'password-123', roleCodes: ['operator'] } });
    await t.call('POST', '/api/users', { token: admin, body: { login: 'spec', name: 'Spec', password: 'password-123', roleCodes: ['specialist'] } });
    operator = await t.loginAs('op', 'password-123');
    specialist = await t.loginAs('spec', 'password-123');
    const region = await t.call('POST', '/api/dictionaries', { token: admin, body: { code: 'REGION', name: 'Region', hierarchical: true } });
    await t.call('POST', `/api/dictionaries/${region.body.id}/items`, { token: admin, body: { code: 'NW', name: 'North-West' } });
    await t.call('POST', `/api/dictionaries/${region.body.id}/items`, { token: admin, body: { code: 'PSKOV', name: 'Pskov region', parentCode: 'NW' } });
  });
  afterAll(() => t?.close());

  const count = async (table: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const counts = async () => ({
    clients: await count('clients'),
    points: await count('contact_points'),
    contracts: await count('client_contracts'),
    audit: await count('audit_entries'),
  });

  it('lets an operator register a company with phones, e-mails, contracts and services', async () => {
    const created = await t.call('POST', '/api/clients', {
      token: operator,
      body: {
        kind: 'company',
        name: 'ООО «Псков-Телеком»',
        category: 'BIS',
        priority: 2,
        groupName: 'Corporate',
        region: 'PSKOV',
        phones: [{ value: '+7 (8112) 72-00-01', label: 'office' }],
        emails: [{ value: 'Office@Pskov-Telecom.example' }],
        contracts: [{ number: 'K-2024/17', startsOn: '2024-01-01', endsOn: '2026-12-31' }],
        services: [{ serviceCode: 'INTERNET', name: 'Business internet', slaLevel: 'GOLD', businessPriority: 1, contractNumber: 'K-2024/17' }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'company',
      category: 'BIS',
      region: 'PSKOV',
      prospect: false,
      phones: [{ value: '+7 (8112) 72-00-01', label: 'office' }],
      contracts: [{ number: 'K-2024/17', startsOn: '2024-01-01', endsOn: '2026-12-31' }],
      services: [expect.objectContaining({ serviceCode: 'INTERNET', slaLevel: 'GOLD', businessPriority: 1 })],
    });
    expect(created.body).not.toHaveProperty('searchName');
    pskovClientId = created.body.id;
    await t.call('POST', '/api/clients', { token: operator, body: { kind: 'person', name: 'Ivan Petrov', phones: [{ value: '8 911 000-11-22' }] } });
  });

  it.each([
    ['part of a Cyrillic name in another case', 'q=псков-ТЕЛЕКОМ'],
    ['a phone written differently', 'q=' + encodeURIComponent('72 00 01')],
    ['the phone filter', 'phone=' + encodeURIComponent('(8112) 720001')],
    ['an e-mail', 'q=office@pskov'],
    ['a contract number', 'q=2024/17'],
    ['the contract filter', 'contract=K-2024'],
    ['the category', 'category=BIS'],
  ])('finds the client by %s', async (_what, query) => {
    const found = await t.call('GET', `/api/clients?${query}`, { token: specialist });
    expect(found.status).toBe(200);
    expect(found.body.items.map((client: { id: number }) => client.id)).toEqual([pskovClientId]);
    expect(found.body.total).toBe(1);
  });

  it('treats LIKE wildcards in a search literally', async () => {
    const found = await t.call('GET', `/api/clients?q=${encodeURIComponent('%')}`, { token: specialist });
    expect(found.body.total).toBe(0);
  });

  it('pages the list', async () => {
    const page = await t.call('GET', '/api/clients?pageSize=1&page=2', { token: specialist });
    expect(page.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);
  });

  it('updates a client and journals old → new', async () => {
    const updated = await t.call('PATCH', `/api/clients/${pskovClientId}`, { token: operator, body: { priority: 1, emails: [] } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ priority: 1, emails: [], phones: [expect.objectContaining({ label: 'office' })] });
    const journal = await t.call('GET', `/api/audit?entityType=client&entityId=${pskovClientId}`, { token: admin });
    expect(journal.body.items[0]).toMatchObject({ action: 'update', actorLogin: 'op' });
    expect(journal.body.items[0].changes).toEqual([
      { field: 'priority', old: 2, new: 1 },
      { field: 'emails', old: [{ value: 'Office@Pskov-Telecom.example', label: '' }], new: [] },
    ]);
  });

  it('keeps notes on a client', async () => {
    expect((await t.call('POST', `/api/clients/${pskovClientId}/notes`, { token: operator, body: { text: 'Prefers calls after 10:00' } })).status).toBe(201);
    const notes = await t.call('GET', `/api/clients/${pskovClientId}/notes`, { token: specialist });
    expect(notes.body).toEqual([expect.objectContaining({ text: 'Prefers calls after 10:00', authorLogin: 'op' })]);
  });

  it('registers a prospect and converts it to a client once', async () => {
    const prospect = await t.call('POST', '/api/clients', { token: operator, body: { kind: 'company', name: 'Future Corp', prospect: true } });
    prospectId = prospect.body.id;
    expect((await t.call('GET', '/api/clients?prospect=true', { token: specialist })).body.items.map((c: { id: number }) => c.id)).toEqual([prospectId]);
    const converted = await t.call('POST', `/api/clients/${prospectId}/convert`, { token: operator });
    expect(converted.status).toBe(200);
    expect(converted.body.prospect).toBe(false);
    const again = await t.call('POST', `/api/clients/${prospectId}/convert`, { token: operator });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('not_a_prospect');
  });

  describe('refuses bad input and changes nothing', () => {
    const cases: [string, () => [string, string, unknown], number, string, string][] = [
      ['a region outside the REGION dictionary', () => ['POST', '/api/clients', { kind: 'company', name: 'X', region: 'MARS' }], 400, 'invalid_client', 'region'],
      ['a contract number of another client', () => ['POST', '/api/clients', { kind: 'company', name: 'X', contracts: [{ number: 'K-2024/17', startsOn: '2024-01-01' }] }], 409, 'duplicate', 'contracts.0.number'],
      ['a contract ending before it starts', () => ['POST', '/api/clients', { kind: 'company', name: 'X', contracts: [{ number: 'N1', startsOn: '2024-05-01', endsOn: '2024-01-01' }] }], 400, 'invalid_client', 'contracts.0.endsOn'],
      ['a service on an unknown contract', () => ['POST', '/api/clients', { kind: 'company', name: 'X', services: [{ serviceCode: 'S', name: 'S', slaLevel: 'G', contractNumber: 'NOPE' }] }], 400, 'invalid_client', 'services.0.contractNumber'],
      ['a malformed phone', () => ['POST', '/api/clients', { kind: 'company', name: 'X', phones: [{ value: 'call me' }] }], 400, 'validation_failed', 'phones.0.value'],
      ['a malformed e-mail', () => ['POST', '/api/clients', { kind: 'company', name: 'X', emails: [{ value: 'nobody' }] }], 400, 'validation_failed', 'emails.0.value'],
      ['a wrong kind', () => ['POST', '/api/clients', { kind: 'robot', name: 'X' }], 400, 'validation_failed', 'kind'],
      ['a bad date', () => ['PATCH', `/api/clients/${pskovClientId}`, { contracts: [{ number: 'N2', startsOn: '2024-13-01' }] }], 400, 'validation_failed', 'contracts.0.startsOn'],
      ['an unknown field', () => ['PATCH', `/api/clients/${pskovClientId}`, { vip: true }], 400, 'validation_failed', 'vip'],
    ];
    it.each(cases)('%s', async (_what, make, status, code, path) => {
      const before = await counts();
      const [method, url, body] = make();
      const response = await t.call(method, url, { token: operator, body });
      expect(response.status).toBe(status);
      expect(response.body.code).toBe(code);
      expect(response.body.details.map((detail: { path: string }) => detail.path)).toContain(path);
      expect(await counts()).toEqual(before);
    });
  });

  it('answers 403 to a specialist changing the directory', async () => {
    const before = await counts();
    const response = await t.call('POST', '/api/clients', { token: specialist, body: { kind: 'company', name: 'X' } });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('permission_denied');
    expect(await counts()).toEqual(before);
  });

  it('keeps contact persons of a client, found by name or phone', async () => {
    const person = await t.call('POST', '/api/contact-persons', {
      token: operator,
      body: { name: 'Анна Смирнова', clientId: pskovClientId, position: 'Chief accountant', phones: [{ value: '+7 921 555-44-33' }] },
    });
    expect(person.status).toBe(201);
    expect((await t.call('GET', '/api/contact-persons?q=смирнова', { token: specialist })).body.items.map((p: { id: number }) => p.id)).toEqual([person.body.id]);
    expect((await t.call('GET', '/api/contact-persons?q=5554433', { token: specialist })).body.total).toBe(1);
    expect((await t.call('GET', `/api/contact-persons?clientId=${pskovClientId}`, { token: specialist })).body.total).toBe(1);
    const unknownClient = await t.call('POST', '/api/contact-persons', { token: operator, body: { name: 'Nobody', clientId: 999999 } });
    expect(unknownClient.status).toBe(400);
    expect(unknownClient.body.details).toEqual([{ path: 'clientId', message: 'unknown client' }]);
    const updated = await t.call('PATCH', `/api/contact-persons/${person.body.id}`, { token: operator, body: { active: false } });
    expect(updated.body.active).toBe(false);
  });

  it('keeps partner organisations with unique codes', async () => {
    const partner = await t.call('POST', '/api/partners', { token: operator, body: { code: 'FIBRE_WORKS', name: 'Fibre Works', emails: [{ value: 'dispatch@fibre.example' }] } });
    expect(partner.status).toBe(201);
    const duplicate = await t.call('POST', '/api/partners', { token: operator, body: { code: 'FIBRE_WORKS', name: 'Again' } });
    expect(duplicate.status).toBe(409);
    expect((await t.call('GET', '/api/partners?q=dispatch@', { token: specialist })).body.items.map((p: { code: string }) => p.code)).toEqual(['FIBRE_WORKS']);
    const renamed = await t.call('PATCH', `/api/partners/${partner.body.id}`, { token: operator, body: { name: 'Fibre Works Ltd' } });
    expect(renamed.body.name).toBe('Fibre Works Ltd');
  });

  it('finds who is calling by caller-id, whatever prefix the number carries', async () => {
    const ivan = await t.call('GET', `/api/directory/caller?phone=${encodeURIComponent('+7 911 000 11 22')}`, { token: specialist });
    expect(ivan.status).toBe(200);
    expect(ivan.body).toMatchObject({ phone: '9110001122', clients: [expect.objectContaining({ name: 'Ivan Petrov' })], contactPersons: [], partners: [] });
    const anna = await t.call('GET', '/api/directory/caller?phone=89215554433', { token: specialist });
    expect(anna.body.contactPersons.map((person: { name: string }) => person.name)).toEqual(['Анна Смирнова']);
    expect(anna.body.clients).toEqual([]);
    const unknown = await t.call('GET', '/api/directory/caller?phone=4951234567', { token: specialist });
    expect(unknown.body).toMatchObject({ clients: [], contactPersons: [], partners: [] });
    const fragment = await t.call('GET', '/api/directory/caller?phone=1-2-3', { token: specialist });
    expect(fragment.status).toBe(400);
    expect(fragment.body.details).toEqual([{ path: 'phone', message: 'at least 5 digits' }]);
  });

  it('removes a client entered by mistake, keeping its contact persons, but not one with requests', async () => {
    const now = new Date();
    await t.dataSource.getRepository(CustomerRequest).insert({
      number: 'R-1', topicId: 1, type: 'incident', priority: 3, status: 'new', isOpen: true, queueId: null, assigneeId: null,
      clientId: pskovClientId, subject: 'No internet', createdAt: now, updatedAt: now, dueAt: null,
    });
    const before = await counts();
    const refused = await t.call('DELETE', `/api/clients/${pskovClientId}`, { token: operator });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('in_use');
    expect(await counts()).toEqual(before);

    const mistake = await t.call('POST', '/api/clients', { token: operator, body: { kind: 'company', name: 'Typo Ltd', phones: [{ value: '+7 000 000-00-01' }], contracts: [{ number: 'TYPO-1', startsOn: '2025-01-01' }] } });
    const person = await t.call('POST', '/api/contact-persons', { token: operator, body: { name: 'Typo Person', clientId: mistake.body.id } });
    expect((await t.call('DELETE', `/api/clients/${mistake.body.id}`, { token: operator })).status).toBe(204);
    expect((await t.call('GET', `/api/clients/${mistake.body.id}`, { token: operator })).status).toBe(404);
    expect((await t.call('GET', `/api/contact-persons/${person.body.id}`, { token: operator })).body.clientId).toBeNull();
    expect(await counts()).toMatchObject({ clients: before.clients, points: before.points, contracts: before.contracts });
    expect((await t.call('DELETE', `/api/contact-persons/${person.body.id}`, { token: operator })).status).toBe(204);
    const journal = await t.call('GET', `/api/audit?entityType=client&entityId=${mistake.body.id}`, { token: admin });
    expect(journal.body.items[0]).toMatchObject({ action: 'delete' });
    expect(journal.body.items[0].changes).toEqual(expect.arrayContaining([{ field: 'name', old: 'Typo Ltd', new: null }]));
  });
});
