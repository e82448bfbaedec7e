import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { apiAs } from '../helpers/request-data';

describe.each(testDatabases())('classification questionnaires on %s', (database) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const { as, ok } = apiAs(() => t, tokens);
  const ids: Record<string, number> = {};
  let problemNumber: string;
  let definition: Record<string, unknown>;
  const rows = async (table: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await startTestApp(database);
    tokens.admin = await t.loginAs('admin', t.adminPassword);
    await ok('admin', 'POST', '/api/roles', { code: 'registrar', name: 'Registrar', permissions: ['requests.create'] }, 201);
    for (const [login, role] of [['op', 'operator'], ['analyst', 'analyst'], ['registrar', 'registrar']]) {
      await ok('admin', 'POST', '/api/users', { login, name: login, password: `${login}-password-1`, roleCodes: [role] }, 201);
      tokens[login] = await t.loginAs(login, `${login}-password-1`);
    }
    for (const code of ['OUTAGE', 'DEVICE', 'PRINTING']) ids[code] = (await ok('admin', 'POST', '/api/topics', { code, name: `Topic ${code}`, kind: 'topic' }, 201)).id;
    const problem = await ok('op', 'POST', '/api/problems', { subject: 'North district outage' }, 201);
    problemNumber = problem.number;
    ids.router = (await ok('admin', 'POST', '/api/knowledge/articles', { title: 'Restart the router', body: '<p>Unplug it</p>', topicIds: [ids.OUTAGE], published: true, audience: 'customer' }, 201)).id;
    ids.cables = (await ok('admin', 'POST', '/api/knowledge/articles', { title: 'Check the cables', body: '<p>All of them</p>', published: true, audience: 'internal' }, 201)).id;
    ids.draft = (await ok('admin', 'POST', '/api/knowledge/articles', { title: 'Unfinished', body: '<p>Soon</p>', topicIds: [ids.OUTAGE], published: false, audience: 'internal' }, 201)).id;
    definition = {
      questions: [
        { code: 'area', text: 'What does not work?', kind: 'choice', options: [{ value: 'internet', label: 'Internet' }, { value: 'printer', label: 'Printer' }] },
        { code: 'allDevices', text: 'On every device?', kind: 'yesno', askWhen: { '==': [{ var: 'answers.area' }, 'internet'] } },
      ],
      suggestions: [
        { when: { '==': [{ var: 'answers.area' }, 'internet'] }, articles: [ids.cables] },
        { when: { '==': [{ var: 'answers.allDevices' }, true] }, topic: 'OUTAGE', problems: [problemNumber], note: 'Probably the outage' },
        { when: { '==': [{ var: 'answers.allDevices' }, false] }, topic: 'DEVICE' },
        { when: { '==': [{ var: 'answers.area' }, 'printer'] }, topic: 'PRINTING' },
      ],
    };
    ids.first = (await ok('admin', 'POST', '/api/classification/questionnaires', { code: 'first-line', name: 'First line', definition }, 201)).id;
  });
  afterAll(() => t?.close());

  it('walks the tree a step at a time, suggesting a topic, the open problem and the articles', async () => {
    expect(await ok('op', 'GET', '/api/classification/available', undefined, 200)).toEqual([{ id: ids.first, code: 'first-line', name: 'First line' }]);
    const start = await ok('op', 'POST', `/api/classification/questionnaires/${ids.first}/walk`, {}, 200);
    expect(start).toMatchObject({ questionnaire: { id: ids.first, code: 'first-line' }, answers: {}, next: { code: 'area', kind: 'choice' }, suggestions: [] });
    const internet = await ok('op', 'POST', `/api/classification/questionnaires/${ids.first}/walk`, { answers: { area: 'internet' } }, 200);
    expect(internet.next).toMatchObject({ code: 'allDevices', kind: 'yesno' });
    expect(internet.suggestions).toEqual([{ topic: null, problems: [], articles: [{ id: ids.cables, title: 'Check the cables' }], note: null, because: { area: 'internet' } }]);
    const outage = await ok('op', 'POST', `/api/classification/questionnaires/${ids.first}/walk`, { answers: { area: 'internet', allDevices: true } }, 200);
    expect(outage.next).toBeNull();
    expect(outage.suggestions[1]).toEqual({
      topic: { id: ids.OUTAGE, code: 'OUTAGE', name: 'Topic OUTAGE' },
      problems: [{ id: expect.any(Number), number: problemNumber, subject: 'North district outage', status: 'open', knownSolution: null, workaround: null }],
      // The topic's published article comes with it; its draft does not.
      articles: [{ id: ids.router, title: 'Restart the router' }],
      note: 'Probably the outage',
      because: { allDevices: true },
    });
  });

  it('drops answers to a branch no longer taken', async () => {
    const printer = await ok('op', 'POST', `/api/classification/questionnaires/${ids.first}/walk`, { answers: { area: 'printer', allDevices: true } }, 200);
    expect(printer).toMatchObject({ answers: { area: 'printer' }, next: null, suggestions: [{ topic: { code: 'PRINTING' } }] });
  });

  it('shows problems and articles only to those who may read them', async () => {
    const outage = await ok('registrar', 'POST', `/api/classification/questionnaires/${ids.first}/walk`, { answers: { area: 'internet', allDevices: true } }, 200);
    expect(outage.suggestions.map((suggestion: { topic: { code: string } | null; problems: unknown[]; articles: unknown[] }) => [suggestion.topic?.code ?? null, suggestion.problems.length, suggestion.articles.length])).toEqual([
      [null, 0, 0],
      ['OUTAGE', 0, 0],
    ]);
    expect((await as('analyst', 'POST', `/api/classification/questionnaires/${ids.first}/walk`, {})).status).toBe(403);
    expect((await as('op', 'GET', '/api/classification/questionnaires')).status).toBe(403);
  });

  it('refuses wrong answers by path, and changes nothing by walking', async () => {
    const auditBefore = await rows('audit_entries');
    const wrong = await as('op', 'POST', `/api/classification/questionnaires/${ids.first}/walk`, { answers: { area: 'fax', colour: 'red' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'invalid_answers', details: [{ path: 'answers.area', message: 'expected one of "internet", "printer"' }, { path: 'answers.colour', message: 'no such question' }] });
    expect((await as('op', 'POST', `/api/classification/questionnaires/${ids.first}/walk`, { answers: 'internet' })).status).toBe(400);
    expect((await as('op', 'POST', '/api/classification/questionnaires/999999/walk', {})).status).toBe(404);
    expect(await rows('audit_entries')).toBe(auditBefore);
  });

  it('refuses a definition that is malformed, reads ahead, or names what does not exist, storing nothing', async () => {
    const before = await rows('classification_questionnaires');
    const questions = definition.questions as Record<string, unknown>[];
    const lookingAhead = await as('admin', 'POST', '/api/classification/questionnaires', { code: 'ahead', name: 'Ahead', definition: { ...definition, questions: [{ ...questions[0], askWhen: { var: 'answers.allDevices' } }, questions[1]] } });
    expect(lookingAhead.status).toBe(400);
    expect(lookingAhead.body.code).toBe('invalid_questionnaire');
    expect(lookingAhead.body.details.map((detail: { path: string }) => detail.path.split('/')[0])).toEqual(['definition.questions.0.askWhen']);
    const missing = await as('admin', 'POST', '/api/classification/questionnaires', { code: 'missing', name: 'Missing', definition: { questions, suggestions: [{ when: true, topic: 'NOPE', problems: ['PRB-0'], articles: [999999] }] } });
    expect(missing.body.details).toEqual([
      { path: 'definition.suggestions.0.topic', message: 'no topic has the code "NOPE"' },
      { path: 'definition.suggestions.0.problems', message: 'no problem has the number "PRB-0"' },
      { path: 'definition.suggestions.0.articles', message: 'article 999999 does not exist' },
    ]);
    expect((await as('admin', 'POST', '/api/classification/questionnaires', { code: 'no definition', name: 'x' })).body.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['code', 'definition']);
    expect((await as('admin', 'POST', '/api/classification/questionnaires', { code: 'first-line', name: 'Again', definition })).status).toBe(409);
    expect(await rows('classification_questionnaires')).toBe(before);
  });

  it('edits, retires and deletes a questionnaire, journalling each change', async () => {
    const id = (await ok('admin', 'POST', '/api/classification/questionnaires', { code: 'spare', name: 'Spare', definition }, 201)).id;
    await ok('admin', 'PATCH', `/api/classification/questionnaires/${id}`, { name: 'Spare tree', active: false }, 200);
    expect((await ok('op', 'GET', '/api/classification/available', undefined, 200)).map((item: { code: string }) => item.code)).toEqual(['first-line']);
    expect((await as('op', 'POST', `/api/classification/questionnaires/${id}/walk`, {})).status).toBe(404);
    expect((await as('admin', 'DELETE', `/api/classification/questionnaires/${id}`)).status).toBe(204);
    expect((await as('admin', 'GET', `/api/classification/questionnaires/${id}`)).status).toBe(404);
    const journal = await t.dataSource.query("SELECT action FROM audit_entries WHERE entityType = 'classification_questionnaire' AND entityId = ? ORDER BY id", [String(id)]);
    expect(journal.map((row: { action: string }) => row.action)).toEqual(['create', 'update', 'delete']);
  });
});
