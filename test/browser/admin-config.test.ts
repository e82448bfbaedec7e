import { BrowserSession, chooseOption, startBrowserSession } from '../helpers/browser';
import { helpdeskRoute } from '../helpers/closure-setup';

describe('dictionaries, SLA and notification templates in the console', () => {
  let s: BrowserSession;
  let token: string;

  beforeAll(async () => {
    s = await startBrowserSession();
    await s.signInAsAdmin();
    token = await s.app.loginAs('admin', s.app.adminPassword);
  });
  afterAll(() => s?.close());

  const goTo = async (menuItem: string) => {
    await s.page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: menuItem }).click();
    await s.page.getByRole('heading', { name: menuItem }).waitFor();
  };

  it('creates a hierarchical dictionary with two values and shows them as a tree', async () => {
    await goTo('Dictionaries');
    await s.page.getByRole('button', { name: 'New dictionary' }).click();
    const form = s.page.getByRole('dialog', { name: 'New dictionary' });
    await form.getByLabel('Code', { exact: true }).fill('REGION');
    await form.getByLabel('Name', { exact: true }).fill('Regions');
    await form.getByLabel('Hierarchical').check();
    await form.getByRole('button', { name: 'Save' }).click();

    // A new dictionary opens on its (empty) values.
    const drawer = s.page.getByRole('dialog', { name: 'Values of REGION' });
    await drawer.getByText('No values yet').waitFor();
    const addValue = async (code: string, name: string, parent?: string) => {
      await drawer.getByRole('button', { name: 'New value' }).click();
      const valueForm = s.page.getByRole('dialog', { name: 'New value' });
      await valueForm.getByLabel('Code', { exact: true }).fill(code);
      await valueForm.getByLabel('Name', { exact: true }).fill(name);
      if (parent) {
        await valueForm.getByLabel('Parent value').fill(parent);
        await chooseOption(s.page.locator('.ant-select-item-option-active', { hasText: parent }), valueForm.getByTitle(new RegExp(`^${parent} — `)));
      }
      await valueForm.getByRole('button', { name: 'Save' }).click();
      return valueForm;
    };
    await (await addValue('NW', 'North-West')).waitFor({ state: 'hidden' });
    await (await addValue('PSKOV', 'Pskov region', 'NW')).waitFor({ state: 'hidden' });

    // The same code again: the server's refusal shows under the Code field, and nothing is added.
    const duplicate = await addValue('NW', 'Again');
    await duplicate.getByText('already taken').waitFor();
    await s.screenshot('config-dictionary-duplicate-value');
    await duplicate.getByRole('button', { name: 'Cancel' }).click();

    const rows = drawer.getByTestId('dictionary-values').locator('tbody tr.ant-table-row');
    await drawer.getByRole('row', { name: /PSKOV/ }).waitFor();
    expect(await rows.allInnerTexts()).toEqual([expect.stringMatching(/NW\s+North-West\s+0\s+Active/), expect.stringMatching(/PSKOV\s+Pskov region\s+1\s+Active/)]);
    // The child is indented under its parent (the tree can place it a moment after the row shows; fails after the timeout if never).
    await rows.nth(1).locator('.ant-table-row-indent.indent-level-1').waitFor();
    await s.screenshot('config-dictionary-values');

    const list = await s.app.call('GET', '/api/dictionaries', { token });
    const dictionary = (list.body as { items: { id: number; code: string; hierarchical: boolean }[] }).items.find((entry) => entry.code === 'REGION');
    expect(dictionary?.hierarchical).toBe(true);
    const items = await s.app.call('GET', `/api/dictionaries/${dictionary?.id}/items`, { token });
    expect((items.body as { code: string; parentCode: string | null }[]).map(({ code, parentCode }) => ({ code, parentCode }))).toEqual([
      { code: 'NW', parentCode: null },
      { code: 'PSKOV', parentCode: 'NW' },
    ]);
    await drawer.getByRole('button', { name: 'Close' }).click();
  });

  it('sets up an external dictionary and says why its source cannot be read', async () => {
    await s.page.getByRole('tab', { name: 'External dictionaries' }).click();
    await s.page.getByRole('button', { name: 'New external dictionary' }).click();
    const form = s.page.getByRole('dialog', { name: 'New external dictionary' });
    await form.getByLabel('Code', { exact: true }).fill('TARIFF');
    await form.getByLabel('Name', { exact: true }).fill('Tariffs');
    await form.getByLabel('URL').fill(`${s.app.url}/api/no-such-list`);
    await form.getByLabel('Code field').fill('id');
    await form.getByLabel('Name field').fill('title');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });

    const row = s.page.getByRole('row', { name: /TARIFF/ });
    expect(await row.innerText()).toMatch(/TARIFF\s+Tariffs\s+HTTP/);
    await row.getByRole('button', { name: 'Edit' }).click();
    const edit = s.page.getByRole('dialog', { name: 'External dictionary TARIFF' });
    expect(await edit.getByLabel('URL').inputValue()).toBe(`${s.app.url}/api/no-such-list`);
    await edit.getByRole('button', { name: 'Test the source' }).click();
    await edit.getByRole('alert').filter({ hasText: 'The source could not be read: the source answered HTTP 404' }).waitFor();
    await s.screenshot('config-external-dictionary-test');
    await edit.getByRole('button', { name: 'Cancel' }).click();
  });

  it('saves a dynamic query and tries it with a parameter', async () => {
    await s.page.getByRole('tab', { name: 'Dynamic queries' }).click();
    await s.page.getByRole('button', { name: 'New dynamic query' }).click();
    const form = s.page.getByRole('dialog', { name: 'New dynamic query' });
    await form.getByLabel('Code', { exact: true }).fill('REGION_VALUES');
    await form.getByLabel('Name', { exact: true }).fill('Values of a dictionary');
    await form.getByLabel('SELECT statement').fill('SELECT i.code AS value, i.name AS label FROM dictionary_items i JOIN dictionaries d ON d.id = i.dictionaryId WHERE d.code = :dict ORDER BY i.code');
    await form.getByRole('button', { name: 'Add a parameter' }).click();
    await form.getByLabel('Parameter', { exact: true }).fill('dict');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });

    await s.page.getByRole('row', { name: /REGION_VALUES/ }).getByRole('button', { name: 'Edit' }).click();
    const edit = s.page.getByRole('dialog', { name: 'Dynamic query REGION_VALUES' });
    await edit.getByLabel('Parameters (JSON)').fill('{"dict": "REGION"}');
    await edit.getByRole('button', { name: 'Try the query' }).click();
    const result = edit.getByTestId('query-result');
    await result.waitFor();
    expect(await result.innerText()).toMatch(/2 rows\s+North-West\s+NW\s+Pskov region\s+PSKOV/);
    await s.screenshot('config-dynamic-query-run');
    await edit.getByRole('button', { name: 'Cancel' }).click();
  });

  it('creates a business calendar, showing the server’s objection next to the weekday', async () => {
    await goTo('SLA settings');
    await s.page.getByRole('button', { name: 'New calendar' }).click();
    const form = s.page.getByRole('dialog', { name: 'New calendar' });
    await form.getByLabel('Code', { exact: true }).fill('office');
    await form.getByLabel('Name', { exact: true }).fill('Office hours');
    await form.getByLabel('Time zone').fill('Europe/Moscow');
    await form.getByLabel('Time zone').press('Escape');
    // Monday gets a lunch break: a second interval.
    await form.getByRole('button', { name: 'Add working hours Monday' }).click();
    await form.getByLabel('Monday To', { exact: true }).fill('13:00');
    await form.getByLabel('Friday To').fill('08:00');
    await form.getByLabel('Holidays').fill('2026-01-01');
    await form.getByLabel('Holidays').press('Enter');
    await form.getByRole('button', { name: 'Save' }).click();

    await form.getByText('working hours must end after they start').waitFor();
    await form.getByText('The calendar is not valid.').waitFor();
    await s.screenshot('config-calendar-invalid');
    await form.getByLabel('Friday To').fill('16:45');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });

    const row = s.page.getByRole('row', { name: /office/ });
    expect(await row.innerText()).toMatch(/office\s+Office hours\s+Europe\/Moscow\s+Mo 09:00–13:00 14:00–18:00, Tu 09:00–18:00, We 09:00–18:00, Th 09:00–18:00, Fr 09:00–16:45\s+1/);
    // Opened again, the calendar shows both of Monday's intervals: nothing is lost on the way back.
    await row.getByRole('button', { name: 'Edit' }).click();
    const again = s.page.getByRole('dialog', { name: 'Calendar office' });
    expect(await again.getByLabel('Monday To 2').inputValue()).toBe('18:00');
    await again.getByRole('button', { name: 'Cancel' }).click();
    // One CI run in several saw this Cancel land while the dialog was still opening and do nothing; the
    // next tests then found the dialog over the page. Click again if it is still open after a moment.
    await again.waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => again.getByRole('button', { name: 'Cancel' }).click());
    await again.waitFor({ state: 'hidden' });
    const calendars = await s.app.call('GET', '/api/sla/calendars', { token });
    expect((calendars.body as { definition: unknown }[])[0].definition).toMatchObject({ timeZone: 'Europe/Moscow', workingDays: [1, 2, 3, 4, 5], holidays: ['2026-01-01'], weekHours: { '1': [{ start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }], '5': [{ start: '09:00', end: '16:45' }], '6': [] } });
  });

  it('creates an SLA policy with a selection rule and targets', async () => {
    await s.page.getByRole('tab', { name: 'SLA policies' }).click();
    await s.page.getByRole('button', { name: 'New policy' }).click();
    const form = s.page.getByRole('dialog', { name: 'New policy' });
    await form.getByLabel('Code', { exact: true }).fill('vip');
    await form.getByLabel('Name', { exact: true }).fill('VIP clients');
    await form.getByLabel('Rank').fill('10');
    await form.getByLabel('Applies to').click();
    await form.getByRole('tab', { name: 'JSON' }).click();
    await form.getByRole('textbox', { name: 'JSON' }).fill('{"==": [{"var": "client.category"}, "VIP"]}');
    await form.getByLabel('Priority 1 Reaction').fill('15');
    await form.getByLabel('Priority 1 Resolution').fill('240');
    await form.getByLabel('Priority 3 Resolution').fill('960');
    await form.getByLabel('Warn at, % of the target').fill('75');
    await s.screenshot('config-policy-form');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });

    const row = s.page.getByRole('row', { name: /VIP clients/ });
    expect(await row.innerText()).toMatch(/10\s+vip\s+VIP clients\s+office\s+.*client\.category.*VIP.*\s+P1: 15 \/ 240; P3: — \/ 960\s+Active/);
    await s.screenshot('config-policies');
    const policies = await s.app.call('GET', '/api/sla/policies', { token });
    expect((policies.body as unknown[])[0]).toMatchObject({ code: 'vip', condition: { '==': [{ var: 'client.category' }, 'VIP'] }, targets: { '1': { reactionMinutes: 15, resolutionMinutes: 240 }, '3': { resolutionMinutes: 960 } }, warningPercent: 75 });
  });

  it('edits a notification template, with the server’s syntax check under the subject', async () => {
    await goTo('Notification templates');
    await s.page.getByLabel('Event or code').click();
    await s.page.locator('.ant-select-item-option', { hasText: 'request.created' }).click();
    const row = s.page.getByRole('row', { name: /request\.created.*\ben\b/ });
    await row.getByRole('button', { name: 'Edit' }).click();
    const form = s.page.getByRole('dialog', { name: 'Template request.created (en)' });
    await form.getByLabel('Subject').fill('New request {{request.nope}}');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.locator('.ant-form-item-explain-error', { hasText: /line 1: .*request\.nope/ }).waitFor();
    await s.screenshot('config-template-invalid');

    await form.getByLabel('Subject').fill('We have your request {{request.number}}');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });
    await row.getByText('We have your request {{request.number}}').waitFor();
    await s.screenshot('config-templates');
    const templates = await s.app.call('GET', '/api/notification-templates?code=request.created&language=en', { token });
    expect((templates.body as { items: { subject: string }[] }).items[0].subject).toBe('We have your request {{request.number}}');
  });

  it('keeps contact places as a tree and channels as a list', async () => {
    await goTo('Intake settings');
    const addPlace = async (code: string, name: string, parent?: string) => {
      await s.page.getByRole('button', { name: 'New place' }).click();
      const form = s.page.getByRole('dialog', { name: 'New place' });
      await form.getByLabel('Code', { exact: true }).fill(code);
      await form.getByLabel('Name', { exact: true }).fill(name);
      if (parent) {
        await form.getByLabel('Inside').fill(parent);
        await chooseOption(s.page.locator('.ant-select-item-option-active', { hasText: parent }), form.getByTitle(new RegExp(`^${parent} — `)));
      }
      await form.getByRole('button', { name: 'Save' }).click();
      await form.waitFor({ state: 'hidden' });
    };
    await addPlace('MSK', 'Moscow office');
    await addPlace('MSK_DESK', 'Front desk', 'MSK');
    // The row can show before the tree places it under its parent: wait for it indented (fails after the timeout if never).
    await s.page.getByRole('row', { name: /MSK_DESK/ }).locator('.ant-table-row-indent.indent-level-1').waitFor();

    await s.page.getByRole('tab', { name: 'Channels' }).click();
    await s.page.getByRole('button', { name: 'New channel' }).click();
    const channel = s.page.getByRole('dialog', { name: 'New channel' });
    await channel.getByLabel('Code', { exact: true }).fill('PHONE');
    await channel.getByLabel('Name', { exact: true }).fill('Telephone');
    await channel.getByRole('button', { name: 'Save' }).click();
    await channel.waitFor({ state: 'hidden' });
    expect(await s.page.getByRole('row', { name: /PHONE/ }).innerText()).toMatch(/PHONE\s+Telephone\s+0\s+Active/);
    await s.screenshot('config-intake-channels');
  });

  it('shows a route’s versions, what changed between two, and the reopen step of an end event', async () => {
    for (const code of ['FIRST', 'SECOND', 'THIRD']) expect((await s.app.call('POST', '/api/queues', { token, body: { code, name: code } })).status).toBe(201);
    const route = (await s.app.call('POST', '/api/routes', { token, body: { code: 'HELP', name: 'Help desk', topicIds: [] } })).body as { id: number };
    const v1 = helpdeskRoute('HELP');
    expect((await s.app.call('PUT', `/api/routes/${route.id}/draft`, { token, body: { definition: v1 } })).status).toBe(200);
    expect((await s.app.call('POST', `/api/routes/${route.id}/versions/1/publish`, { token })).status).toBe(200);
    const v2 = helpdeskRoute('HELP', 'Engineer');
    v2.steps = v2.steps.filter((step) => step.id !== 'Expert');
    v2.transitions = v2.transitions.filter((transition) => transition.from !== 'Expert' && transition.to !== 'Expert');
    expect((await s.app.call('PUT', `/api/routes/${route.id}/draft`, { token, body: { definition: v2 } })).status).toBe(200);

    await goTo('Route modeller');
    await s.page.getByRole('row', { name: /HELP/ }).getByRole('button', { name: 'Open' }).click();
    await s.page.getByTestId('bpmn-canvas').locator('[data-element-id="Solved"]').waitFor();
    await s.page.getByText('Versions and changes').click();
    const pickVersion = async (label: string, version: string) => {
      const select = s.page.getByLabel(label, { exact: true });
      await select.click();
      await select.fill(version);
      await s.page.locator('.ant-select-item-option-active', { hasText: version }).waitFor();
      await select.press('Enter');
    };
    await pickVersion('From', 'version 1');
    await pickVersion('To', 'version 2');
    await s.page.getByRole('button', { name: 'Compare' }).click();
    const diff = s.page.getByTestId('version-diff');
    await diff.getByText('− Expert (Expert)').waitFor();
    expect(await diff.innerText()).toMatch(/Route fields changed: no changes\s+Steps\s+− Expert \(Expert\)\s+~ Solved \(Solved\): reopenStepId\s+Transitions\s+− Escalate \(escalate\)\s+− Solve \(expertSolve\)$/);

    await s.page.getByTestId('bpmn-canvas').locator('g[data-element-id="Solved"]').click();
    const panel = s.page.getByTestId('properties-panel');
    expect(await panel.getByLabel('Reopen at step').locator('xpath=ancestor::*[contains(@class,"ant-select")][1]').innerText()).toMatch(/Engineer/);
    const reopen = panel.getByLabel('Reopen at step');
    await reopen.click();
    await reopen.fill('Dispatch');
    await s.page.locator('.ant-select-item-option-active', { hasText: 'Dispatch (Dispatch)' }).waitFor();
    await reopen.press('Enter');
    await s.screenshot('config-route-versions');
    await s.page.getByRole('button', { name: 'Save draft' }).click();
    await s.page.getByText('Draft saved').waitFor();
    const draft = await s.app.call('GET', `/api/routes/${route.id}/versions/2/definition`, { token });
    expect((draft.body as typeof v2).steps.find((step) => step.id === 'Solved')).toMatchObject({ reopenStepId: 'Dispatch' });
  });
});
