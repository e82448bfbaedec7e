import { readFileSync } from 'node:fs';
import { BrowserSession, startBrowserSession } from '../helpers/browser';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the exported document is read as JSON
type Doc = any;

describe('the administrator moves the configuration and migrates running requests to a new route version', () => {
  let s: BrowserSession;
  let admin: string;
  let operator: string;

  beforeAll(async () => {
    s = await startBrowserSession({ DOCKET_DEMO: '1' });
    admin = await s.app.loginAs('admin', s.app.adminPassword);
    operator = await s.app.loginAs('operator', 'operator-demo-1');
    await s.signInAsAdmin();
  });
  afterAll(() => s?.close());

  const goTo = async (menuItem: string) => {
    await s.page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: menuItem }).click();
    await s.page.getByRole('heading', { name: menuItem }).waitFor();
  };

  it('downloads the export, sees the plan of an edited copy in a dry run, then applies it', async () => {
    await goTo('Export / import');
    const download = s.page.waitForEvent('download');
    await s.page.getByRole('button', { name: 'Download the export' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^docket-config-\d{4}-\d{2}-\d{2}\.json$/);
    const document: Doc = JSON.parse(readFileSync((await saved.path())!, 'utf8'));
    expect(document).toMatchObject({ format: 'docket-config', formatVersion: 1 });

    // As if edited on the test installation: a queue renamed, a dictionary added.
    document.queues.find((queue: Doc) => queue.code === 'CP').name = 'Contract processing, production';
    document.dictionaries.push({ code: 'CHURN_REASON', name: 'Churn reason', description: '', hierarchical: false, active: true, position: 9, items: [{ code: 'PRICE', name: 'Price', parentCode: null, active: true, position: 0 }] });
    const chooser = s.page.waitForEvent('filechooser');
    await s.page.getByText('Choose a file to import').click();
    await (await chooser).setFiles({ name: 'production.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(document)) });

    const plan = s.page.getByTestId('import-plan');
    await plan.getByText('What the import of production.json would do').waitFor();
    expect(await plan.getByRole('row', { name: /^Queues/ }).innerText()).toMatch(/Queues\s+0\s+1\s+CP\s+1/);
    expect(await plan.getByRole('row', { name: /^Dictionaries/ }).innerText()).toMatch(/Dictionaries\s+1\s+CHURN_REASON\s+0\s+2/);
    await s.screenshot('config-transfer-dry-run');
    const unchangedQueue = await s.app.call('GET', '/api/queues?search=CP', { token: admin });
    expect(unchangedQueue.body.items.find((queue: Doc) => queue.code === 'CP').name).toBe('Contract processing');

    await plan.getByRole('button', { name: 'Apply the import' }).click();
    await plan.getByText('What the import of production.json did').waitFor();
    await s.page.getByText('Imported: 2 created, 1 updated').waitFor();
    const queues = await s.app.call('GET', '/api/queues?search=CP', { token: admin });
    expect(queues.body.items.find((queue: Doc) => queue.code === 'CP').name).toBe('Contract processing, production');
    await s.screenshot('config-transfer-applied');
  });

  it('shows a broken file\'s problems at their place in the file and imports nothing', async () => {
    const document: Doc = (await s.app.call('GET', '/api/config/export', { token: admin })).body;
    document.attributes[0].dictionaryCode = 'NO_SUCH_DICTIONARY';
    const chooser = s.page.waitForEvent('filechooser');
    await s.page.getByText('Choose a file to import').click();
    await (await chooser).setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(document)) });
    const problems = s.page.getByRole('table', { name: 'The file cannot be imported: fix these problems and try again' });
    await problems.getByText('attributes.0.dictionaryCode').waitFor();
    expect(await problems.innerText()).toContain('unknown dictionary "NO_SUCH_DICTIONARY"');
    expect(await s.page.getByRole('button', { name: 'Apply the import' }).isDisabled()).toBe(true);
    await s.screenshot('config-transfer-problems');
  });

  it('publishes a second route version without the step two requests wait at, maps it, dry-runs and migrates them', async () => {
    const topic = (await s.app.call('GET', '/api/topics?kind=topic&search=CONTRACT_TERMINATION', { token: admin })).body.items[0];
    const numbers: string[] = [];
    for (const reason of ['Moving abroad', 'Too expensive']) {
      const created = await s.app.call('POST', '/api/contacts', { token: operator, body: { requests: [{ topicId: topic.id, type: 'change', impact: 3, urgency: 3, subject: reason, attributes: { TERMINATION_DATE: '2026-06-30', REASON: reason } }] } });
      expect(created.status).toBe(201);
      numbers.push(created.body.requests[0].number);
    }
    // Version 2 renames the step the requests wait at: Register becomes RegisterTermination.
    const route = (await s.app.call('GET', '/api/routes?search=CONTRACT_TERMINATION', { token: admin })).body.items[0];
    const { diagram: _diagram, ...v1 } = (await s.app.call('GET', `/api/routes/${route.id}/versions/1/definition`, { token: admin })).body;
    const renamed = (id: string) => (id === 'Register' ? 'RegisterTermination' : id);
    const v2 = {
      ...v1,
      steps: v1.steps.map((step: Doc) => ({ ...step, id: renamed(step.id) })),
      transitions: v1.transitions.map((transition: Doc) => ({ ...transition, from: renamed(transition.from), to: renamed(transition.to) })),
    };
    expect((await s.app.call('PUT', `/api/routes/${route.id}/draft`, { token: admin, body: { definition: v2 } })).status).toBe(200);

    await goTo('Route modeller');
    await s.page.getByRole('row', { name: /CONTRACT_TERMINATION/ }).getByRole('button', { name: 'Open in the modeller' }).click();
    await s.page.getByRole('heading', { name: 'Route: Contract termination' }).waitFor();
    await s.page.getByTestId('bpmn-canvas').locator('[data-element-id="RegisterTermination"]').waitFor();
    await s.page.getByRole('button', { name: 'Publish' }).click();
    await s.page.getByText('Version 2 published').waitFor();

    const editor = s.page.getByTestId('migration-plan');
    await editor.getByText('2 open requests are still on version 1').waitFor();
    const registerRow = editor.getByRole('row', { name: /Register the termination \(Register\)/ });
    await registerRow.getByText('not in version 2').waitFor();
    await editor.getByRole('button', { name: 'Dry run' }).click();
    const result = s.page.getByTestId('migration-result');
    await result.getByText('0 can move, 2 cannot').waitFor();
    expect(await result.innerText()).toContain("refused: step 'Register' (Register the termination) has no counterpart in v2");

    await registerRow.getByLabel('Step in version 2 Register').click();
    await s.page.locator('.ant-select-item-option').filter({ hasText: '(RegisterTermination)' }).click();
    await editor.getByRole('button', { name: 'Dry run' }).click();
    await result.getByText('2 can move, 0 cannot').waitFor();
    for (const number of numbers) expect(await result.getByRole('row', { name: new RegExp(number) }).innerText()).toContain('would move to Register → RegisterTermination');
    await s.screenshot('route-migration-dry-run');

    await editor.getByRole('button', { name: 'Migrate' }).click();
    await s.page.getByText('2 requests moved to version 2, 0 stayed').waitFor();
    await result.getByRole('row', { name: new RegExp(numbers[0]) }).getByText('moved to Register → RegisterTermination').waitFor();
    const after = await s.app.call('POST', `/api/routes/${route.id}/migrations/dry-run`, { token: admin, body: { from: 1, to: 2, stepMap: {} } });
    expect(after.body).toMatchObject({ movable: [], blocked: [] });
    await s.screenshot('route-migration-done');
  });
});
