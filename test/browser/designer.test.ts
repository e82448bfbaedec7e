import { BrowserSession, startBrowserSession } from '../helpers/browser';

describe('the designer: topics with rule-driven flags, and the route modeller', () => {
  let s: BrowserSession;
  let token: string;

  beforeAll(async () => {
    s = await startBrowserSession();
    token = await s.app.loginAs('admin', s.app.adminPassword);
    await s.signInAsAdmin();
  });
  afterAll(() => s?.close());

  const goTo = async (menuItem: string) => {
    await s.page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: menuItem }).click();
    await s.page.getByRole('heading', { name: menuItem }).waitFor();
  };

  const pick = async (scope: ReturnType<BrowserSession['page']['getByRole']>, label: string, text: string) => {
    await scope.getByLabel(label, { exact: true }).first().click();
    await scope.getByLabel(label, { exact: true }).first().fill(text);
    await s.page.locator('.ant-select-item-option-active').waitFor();
    await scope.getByLabel(label, { exact: true }).first().press('Enter');
  };

  it('drives an attribute\'s required flag by a rule and shows the form preview follow the sample context', async () => {
    await goTo('Topics and attributes');
    await s.page.getByRole('tab', { name: 'Attributes' }).click();
    await s.page.getByRole('button', { name: 'New attribute' }).click();
    const form = s.page.getByRole('dialog', { name: 'New attribute' });
    await form.getByLabel('Code', { exact: true }).fill('CLIENT_NOTE');
    await form.getByLabel('Name', { exact: true }).fill('Client note');
    await form.getByRole('radiogroup', { name: 'Required' }).getByText('By rule').click();
    const editor = form.getByTestId('rule-editor').first();
    await editor.getByRole('button', { name: 'Add a condition' }).click();
    await pick(editor, 'Field', 'client.category');
    await editor.getByLabel('Value', { exact: true }).fill('VIP');
    await editor.getByText('The rule is valid.').waitFor();
    await editor.getByRole('tab', { name: 'JSON' }).click();
    expect(JSON.parse(await editor.getByRole('textbox', { name: 'JSON' }).inputValue())).toEqual({ '==': [{ var: 'client.category' }, 'VIP'] });
    await editor.getByRole('tab', { name: 'Test' }).click();
    await editor.getByRole('textbox', { name: 'Sample context (JSON)' }).fill('{"client":{"category":"VIP"}}');
    await editor.getByRole('button', { name: 'Evaluate' }).click();
    await editor.getByTestId('rule-test-result').getByText('true', { exact: true }).first().waitFor();
    await s.screenshot('designer-rule-editor');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });
    await s.page.getByRole('row', { name: /CLIENT_NOTE/ }).getByText('By rule').waitFor();

    await s.page.getByRole('tab', { name: 'Topic tree' }).click();
    await s.page.getByRole('button', { name: 'New topic' }).click();
    const topicForm = s.page.getByRole('dialog', { name: 'New topic' });
    await topicForm.getByLabel('Code', { exact: true }).fill('ROAMING');
    await topicForm.getByLabel('Name', { exact: true }).fill('Roaming');
    await topicForm.getByRole('button', { name: 'Save' }).click();
    await topicForm.waitFor({ state: 'hidden' });
    await s.page.getByText('Topic: Roaming').waitFor();

    await s.page.getByRole('button', { name: 'Add an attribute' }).click();
    const binding = s.page.getByRole('dialog', { name: 'Add an attribute' });
    await pick(binding, 'Attribute', 'Client note');
    await binding.getByRole('button', { name: 'Save' }).click();
    await binding.waitFor({ state: 'hidden' });

    await s.page.getByRole('tab', { name: 'Form preview' }).click();
    const row = s.page.getByTestId('preview-CLIENT_NOTE');
    await row.getByText('optional').waitFor();
    await s.page.getByRole('tabpanel', { name: 'Form preview' }).getByRole('textbox', { name: 'Sample context (JSON)' }).fill('{"client":{"category":"VIP"}}');
    await row.getByText('required', { exact: true }).waitFor();
    expect(await row.innerText()).toMatch(/attribute: By rule · the rule gave true/);
    await s.screenshot('designer-form-preview');
  });

  it('draws a route with a task and a conditional transition, sets the condition in the rule editor and publishes it', async () => {
    const queue = await s.app.call('POST', '/api/queues', { token, body: { code: 'FIRST_LINE', name: 'First line' } });
    expect(queue.status).toBe(201);
    await goTo('Route modeller');
    await s.page.getByRole('button', { name: 'New route' }).click();
    const form = s.page.getByRole('dialog', { name: 'New route' });
    await form.getByLabel('Code', { exact: true }).fill('ROAMING_ROUTE');
    await form.getByLabel('Name', { exact: true }).fill('Roaming route');
    await form.getByRole('button', { name: 'Save' }).click();
    await s.page.getByRole('heading', { name: 'Route: Roaming route' }).waitFor();
    const canvas = s.page.getByTestId('bpmn-canvas');
    await canvas.locator('[data-element-id="Start"]').waitFor();

    await s.screenshot('modeller-opened');
    await s.page.locator('.djs-palette [data-action="create.user-task"]').click();
    const box = (await canvas.boundingBox())!;
    await s.page.mouse.move(box.x + 300, box.y + 150);
    await s.page.mouse.click(box.x + 300, box.y + 150);
    const task = canvas.locator('g.djs-shape[data-element-id^="Activity_"]');
    await task.waitFor();
    const taskId = (await task.getAttribute('data-element-id'))!;

    // A click on empty canvas clears the selection, whose context pad would cover the next element.
    const deselect = () => s.page.mouse.click(box.x + 600, box.y + 480);
    const connect = async (from: string, to: string) => {
      await deselect();
      await canvas.locator(`g[data-element-id="${from}"]`).click();
      await s.page.getByTitle('Connect to other element').click();
      await canvas.locator(`g[data-element-id="${to}"]`).click();
    };
    await connect('Start', taskId);
    await connect(taskId, 'Done');

    await deselect();
    await canvas.locator(`g[data-element-id="${taskId}"]`).click();
    const panel = s.page.getByTestId('properties-panel');
    await panel.getByLabel('Name', { exact: true }).fill('Check the roaming');
    await panel.getByLabel('Name', { exact: true }).press('Enter');
    await pick(panel, 'Default queue', 'FIRST_LINE');

    const flow = canvas.locator('g.djs-connection[data-element-id^="Flow_"]').last();
    await deselect();
    await flow.click({ force: true });
    await panel.getByRole('switch', { name: 'Conditional' }).click();
    await panel.getByRole('button', { name: 'Add a condition' }).click();
    await pick(panel, 'Field', 'client.category');
    await panel.getByLabel('Value', { exact: true }).fill('VIP');
    await panel.getByText('The rule is valid.').waitFor();
    await s.screenshot('modeller-condition');

    await s.page.getByRole('button', { name: 'Publish' }).click();
    await s.page.getByText('Version 1 published').waitFor();
    const routes = await s.app.call('GET', '/api/routes', { token });
    const route = (routes.body.items as Array<{ id: number; code: string; publishedVersion: number | null }>).find((item) => item.code === 'ROAMING_ROUTE')!;
    expect(route.publishedVersion).toBe(1);
    const version = await s.app.call('GET', `/api/routes/${route.id}/versions/1`, { token });
    const transitions = version.body.definition.transitions as Array<{ from: string; to: string; condition?: unknown }>;
    expect(transitions.find((transition) => transition.from === taskId && transition.to === 'Done')?.condition).toEqual({ '==': [{ var: 'client.category' }, 'VIP'] });
    await s.screenshot('modeller-published');
  });
});
