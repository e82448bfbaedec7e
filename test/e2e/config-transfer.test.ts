import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';

/** Rows the import may write, counted straight from the database, to prove a refused or dry run changed nothing. */
const TABLES = ['dictionaries', 'dictionary_items', 'attributes', 'attribute_groups', 'topic_nodes', 'attribute_bindings', 'queues', 'routes', 'route_versions', 'sla_calendars', 'sla_policies', 'notification_templates', 'contact_places', 'contact_templates', 'classification_questionnaires', 'report_definitions', 'audit_entries'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the document is read as JSON, as a client reads it
type Doc = any;

/** A report whose condition names a dynamic attribute, so its import needs the attribute the same document brings. */
const OPEN_BY_CITY = { dataset: 'requests', open: true, where: [{ field: 'attr.TERMINATION_CITY', op: 'isNull' }], groupBy: ['queue'], measures: ['count'] };

const withoutStamp = ({ exportedAt: _exportedAt, ...rest }: Doc) => rest;

describe.each(testDatabases())('configuration export and import on %s', (database) => {
  let source: TestApp;
  let target: TestApp;
  let sourceAdmin: string;
  let targetAdmin: string;
  let document: Doc;

  const counts = async () => {
    const result: Record<string, number> = {};
    for (const table of TABLES) result[table] = Number((await target.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    return result;
  };
  const importInto = (body: unknown, dryRun = false) => target.call('POST', `/api/config/import${dryRun ? '?dryRun=true' : ''}`, { token: targetAdmin, body });

  beforeAll(async () => {
    // One after the other: two servers migrating at once on a busy machine can miss the start timeout.
    source = await startTestApp(database, { DOCKET_DEMO: '1' });
    target = await startTestApp(database);
    [sourceAdmin, targetAdmin] = await Promise.all([source.loginAs('admin', source.adminPassword), target.loginAs('admin', target.adminPassword)]);
    // The demo has no service levels and no draft: add both, so every kind of the document is exercised.
    const calendar = await source.call('POST', '/api/sla/calendars', { token: sourceAdmin, body: { code: 'OFFICE', name: 'Office hours', definition: { timeZone: 'Europe/Moscow', workingDays: [1, 2, 3, 4, 5] } } });
    expect(calendar.status).toBe(201);
    const policy = await source.call('POST', '/api/sla/policies', { token: sourceAdmin, body: { code: 'VIP', name: 'VIP clients', calendarId: calendar.body.id, condition: { '==': [{ var: 'client.category' }, 'VIP'] }, targets: { '1': { reactionMinutes: 30 } } } });
    expect(policy.status).toBe(201);
    const route = (await source.call('GET', '/api/routes?search=CONTRACT_TERMINATION', { token: sourceAdmin })).body.items[0];
    const published = await source.call('GET', `/api/routes/${route.id}/versions/1/definition`, { token: sourceAdmin });
    const draft = await source.call('PUT', `/api/routes/${route.id}/draft`, { token: sourceAdmin, body: { definition: { ...published.body, name: 'Contract termination, reworded' } } });
    expect(draft.status).toBe(200);
    const http = { url: 'https://cmdb.example.com/api/tariffs', itemsPath: 'data.items', codeField: 'id', nameField: 'title', parentField: null, headers: { 'x-api-key': 'secret-key' } };
    expect((await source.call('POST', '/api/external-dictionaries', { token: sourceAdmin, body: { code: 'TARIFF', name: 'Tariffs', kind: 'http', http, ttlSeconds: 600 } })).status).toBe(201);
    const report = await source.call('POST', '/api/reports/definitions', { token: sourceAdmin, body: { code: 'open-by-city', name: 'Open terminations by city', description: 'Per city', definition: OPEN_BY_CITY } });
    expect(report.status).toBe(201);
    const exported = await source.call('GET', '/api/config/export', { token: sourceAdmin });
    expect(exported.status).toBe(200);
    document = exported.body;
  });
  afterAll(() => Promise.all([source?.close(), target?.close()]));

  it('exports one versioned document that names things by code, without database ids', async () => {
    expect(document).toMatchObject({ format: 'docket-config', formatVersion: 1 });
    expect(document.dictionaries.map((dictionary: Doc) => dictionary.code)).toEqual(expect.arrayContaining(['CLIENT_CATEGORY', 'REGION']));
    expect(document.attributes.find((attribute: Doc) => attribute.code === 'TERMINATION_CITY')).toMatchObject({ group: 'Termination', listColumn: true });
    expect(document.attributes.every((attribute: Doc) => !('id' in attribute) && !('attributeGroupId' in attribute))).toBe(true);
    expect(document.topics.find((topic: Doc) => topic.code === 'CONTRACT_TERMINATION')).toMatchObject({ parentCode: 'TEST', kind: 'topic' });
    expect(document.queues.map((queue: Doc) => queue.code)).toEqual(['CP', 'PSKOV']);
    expect(document.queues[0]).not.toHaveProperty('members');
    expect(document.routes).toEqual([expect.objectContaining({ code: 'CONTRACT_TERMINATION', topicCodes: ['CONTRACT_TERMINATION'] })]);
    expect(document.routes[0].versions.map((version: Doc) => [version.version, version.state])).toEqual([[1, 'published'], [2, 'draft']]);
    expect(document.slaPolicies).toEqual([expect.objectContaining({ code: 'VIP', calendarCode: 'OFFICE' })]);
    expect(document.intake.contactTemplates).toEqual([expect.objectContaining({ code: 'CALL_CENTRE_INBOUND', defaultPlaceCode: 'MASS_DESK', channelCode: 'PHONE' })]);
    expect(document.questionnaires).toEqual([expect.objectContaining({ code: 'FIRST_LINE', active: true })]);
    expect(document.questionnaires[0].definition.suggestions[0]).toMatchObject({ topic: 'CONTRACT_TERMINATION' });
    // Only the reports users defined: the built-in ones come with each release.
    expect(document.reports).toEqual([{ code: 'open-by-city', name: 'Open terminations by city', description: 'Per city', definition: OPEN_BY_CITY }]);
    expect(document.priorityMatrix).toHaveLength(Number((await source.dataSource.query('SELECT COUNT(*) AS n FROM priority_matrix'))[0].n));
  });

  it('refuses what is not a configuration document with the paths of its problems', async () => {
    const before = await counts();
    const response = await importInto({ ...document, formatVersion: 99, queues: [{ code: 'Q' }] });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('invalid_document');
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'formatVersion' }), expect.objectContaining({ path: 'queues.0.name' })]));
    expect(await counts()).toEqual(before);
  });

  it('plans a dry run without changing anything', async () => {
    const before = await counts();
    const response = await importInto(document, true);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ dryRun: true, applied: false, problems: [] });
    expect(response.body.kinds.topics.created).toEqual(expect.arrayContaining(['TEST', 'CONTRACT_TERMINATION']));
    expect(response.body.kinds.routeVersions.created).toEqual(['CONTRACT_TERMINATION v1', 'CONTRACT_TERMINATION v2']);
    expect(response.body.kinds.notificationTemplates.created).toEqual([]);
    expect(response.body.kinds.questionnaires.created).toEqual(['FIRST_LINE']);
    expect(response.body.kinds.reports.created).toEqual(['open-by-city']);
    expect(await counts()).toEqual(before);
  });

  it('refuses an attribute on an unknown dictionary and a route condition that is not JSONLogic, at their paths, changing nothing', async () => {
    const before = await counts();
    const broken = structuredClone(document);
    const attributeIndex = broken.attributes.findIndex((attribute: Doc) => attribute.code === 'CLIENT_CATEGORY');
    broken.attributes[attributeIndex].dictionaryCode = 'NO_SUCH_DICTIONARY';
    const transitions = broken.routes[0].versions[0].definition.transitions;
    const transitionIndex = transitions.findIndex((transition: Doc) => transition.condition);
    transitions[transitionIndex].condition = { no_such_operator: [{ var: 'client.category' }] };
    // A questionnaire suggesting a topic the document does not bring and a problem this installation does not have.
    const questionnaire = broken.questionnaires[0].definition;
    questionnaire.suggestions[0] = { ...questionnaire.suggestions[0], topic: 'NO_SUCH_TOPIC', problems: ['PRB-2026-999999'] };
    // A report redefining a built-in one, and one whose condition names an attribute nobody has.
    broken.reports.push({ ...broken.reports[0], code: 'by-topic' }, { ...broken.reports[0], code: 'by-nothing', definition: { ...OPEN_BY_CITY, where: [{ field: 'attr.NO_SUCH_ATTRIBUTE', op: 'isNull' }] } });

    const planned = await importInto(broken, true);
    expect(planned.status).toBe(200);
    expect(planned.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ path: `attributes.${attributeIndex}.dictionaryCode` })]));

    const refused = await importInto(broken);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('invalid_configuration');
    const paths = refused.body.details.map((detail: { path: string }) => detail.path);
    expect(paths).toContain(`attributes.${attributeIndex}.dictionaryCode`);
    expect(paths.some((path: string) => path === `routes.0.versions.0.definition.transitions.${transitionIndex}`)).toBe(true);
    expect(refused.body.details).toEqual(
      expect.arrayContaining([
        { path: 'questionnaires.0.definition.suggestions.0.topic', message: 'no topic has the code "NO_SUCH_TOPIC"' },
        { path: 'questionnaires.0.definition.suggestions.0.problems', message: 'no problem has the number "PRB-2026-999999"' },
        { path: 'reports.1.code', message: '"by-topic" is a built-in report' },
        { path: 'reports.2.definition.where.0.field', message: 'unknown field "attr.NO_SUCH_ATTRIBUTE"' },
      ]),
    );
    expect(await counts()).toEqual(before);
  });

  it('imports into an empty installation in one go, journalled, and exports the same document again', async () => {
    const response = await importInto(document);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ dryRun: false, applied: true, problems: [] });
    const journal = await target.call('GET', '/api/audit?entityType=configuration', { token: targetAdmin });
    expect(journal.body.items).toEqual([expect.objectContaining({ action: 'import', actorLogin: 'admin' })]);
    const again = await target.call('GET', '/api/config/export', { token: targetAdmin });
    expect(withoutStamp(again.body)).toEqual(withoutStamp(document));
  });

  it('reports everything unchanged when the same document is imported again', async () => {
    const response = await importInto(document);
    expect(response.status).toBe(200);
    for (const [kind, plan] of Object.entries(response.body.kinds as Record<string, { created: string[]; updated: string[] }>)) {
      expect({ kind, created: plan.created, updated: plan.updated }).toEqual({ kind, created: [], updated: [] });
    }
    expect(response.body.kinds.routeVersions.unchanged).toEqual(['CONTRACT_TERMINATION v1', 'CONTRACT_TERMINATION v2']);
  });

  it('names the headers of HTTP sources but not their values, and keeps the values an installation holds', async () => {
    const storedHeaders = async (app: TestApp) => {
      const [row] = await app.dataSource.query("SELECT source FROM external_dictionaries WHERE code = 'TARIFF'");
      return (typeof row.source === 'string' ? JSON.parse(row.source) : row.source).headers;
    };
    expect(document.externalDictionaries.find((dictionary: Doc) => dictionary.code === 'TARIFF').source.headers).toEqual({ 'x-api-key': '' });
    expect(JSON.stringify(document)).not.toContain('secret-key');
    expect(await storedHeaders(target)).toEqual({ 'x-api-key': '' });
    const back = await source.call('POST', '/api/config/import', { token: sourceAdmin, body: document });
    expect(back.status).toBe(200);
    expect(await storedHeaders(source)).toEqual({ 'x-api-key': 'secret-key' });
  });
});
