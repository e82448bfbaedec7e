import { BrowserSession, chooseOption, startBrowserSession } from '../helpers/browser';

const SLA_EVENTS = ['On SLA warning (onSlaWarning)', 'On SLA breach (onSlaBreach)'];
const STEP_EVENTS = ['On entering the step (onEnter)', 'On leaving the step (onLeave)'];

/** Start → Work (a user task) → Done, whose route already raises the priority on a breach. */
const escalatingRoute = () => ({
  code: 'ESCALATE',
  name: 'Escalate',
  version: 1,
  handlers: { onSlaBreach: [{ kind: 'setPriority', priority: 1 }] },
  steps: [
    { id: 'Start', name: 'Registered', kind: 'start' },
    { id: 'Work', name: 'Work', kind: 'userTask', queues: { rules: [], default: 'FIRST' } },
    { id: 'Done', name: 'Done', kind: 'end', resolution: 'resolved' },
  ],
  transitions: [
    { id: 'toWork', name: '', from: 'Start', to: 'Work' },
    { id: 'finish', name: 'Finish', from: 'Work', to: 'Done' },
  ],
});

describe('the route modeller: SLA escalation handlers', () => {
  let s: BrowserSession;
  let token: string;

  beforeAll(async () => {
    s = await startBrowserSession();
    token = await s.app.loginAs('admin', s.app.adminPassword);
    await s.signInAsAdmin();
  });
  afterAll(() => s?.close());

  const dropdown = () => s.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  /** The events offered by the handler at `index` of the panel, its dropdown closed again after. */
  const offeredEvents = async (index: number) => {
    await s.page.getByTestId('properties-panel').getByLabel('Event', { exact: true }).nth(index).click();
    await dropdown().locator('.ant-select-item-option').first().waitFor();
    const offered = await dropdown().locator('.ant-select-item-option').evaluateAll((options) => options.map((option) => option.getAttribute('title')));
    await s.page.keyboard.press('Escape');
    return offered;
  };

  it('edits the route\'s own handlers when nothing is selected, and offers the SLA events on user tasks only', async () => {
    expect((await s.app.call('POST', '/api/queues', { token, body: { code: 'FIRST', name: 'First line' } })).status).toBe(201);
    const route = (await s.app.call('POST', '/api/routes', { token, body: { code: 'ESCALATE', name: 'Escalate', topicIds: [] } })).body as { id: number };
    expect((await s.app.call('PUT', `/api/routes/${route.id}/draft`, { token, body: { definition: escalatingRoute() } })).status).toBe(200);

    await s.page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Route modeller' }).click();
    await s.page.getByRole('row', { name: /ESCALATE/ }).getByRole('button', { name: 'Open' }).click();
    const canvas = s.page.getByTestId('bpmn-canvas');
    await canvas.locator('[data-element-id="Work"]').waitFor();
    const panel = s.page.getByTestId('properties-panel');
    await panel.getByRole('heading', { name: 'Route' }).waitFor();
    await panel.getByTitle('On SLA breach (onSlaBreach)', { exact: true }).waitFor();

    await panel.getByRole('button', { name: 'Add a handler' }).click();
    expect(await offeredEvents(1)).toEqual([...STEP_EVENTS, 'On hand-off (onHandOff)', 'On hand-back (onRejection)', ...SLA_EVENTS]);
    await panel.getByLabel('Event', { exact: true }).nth(1).click();
    await chooseOption(dropdown().getByTitle('On SLA warning (onSlaWarning)', { exact: true }), panel.getByTitle('On SLA warning (onSlaWarning)', { exact: true }));
    const warn = { kind: 'notify', template: 'sla-warned', recipients: ['manager'], when: { '==': [{ var: 'sla.clock' }, 'resolution'] } };
    await panel.getByLabel('Action (JSON)', { exact: true }).nth(1).fill(JSON.stringify(warn));
    await panel.getByLabel('Action (JSON)', { exact: true }).nth(1).blur();
    await s.screenshot('modeller-route-sla-handlers');
    await s.page.getByRole('button', { name: 'Save draft' }).click();
    await s.page.getByText('Draft saved').waitFor();
    const draft = (await s.app.call('GET', `/api/routes/${route.id}/versions/1/definition`, { token })).body as ReturnType<typeof escalatingRoute> & { handlers: Record<string, unknown> };
    expect(draft.handlers).toEqual({ onSlaWarning: [warn], onSlaBreach: [{ kind: 'setPriority', priority: 1 }] });

    await canvas.locator('g[data-element-id="Work"]').click();
    await panel.getByRole('heading', { name: 'User task' }).waitFor();
    await panel.getByRole('button', { name: 'Add a handler' }).click();
    expect(await offeredEvents(0)).toEqual([...STEP_EVENTS, ...SLA_EVENTS]);

    await canvas.locator('g[data-element-id="Start"]').click();
    await panel.getByRole('heading', { name: 'Start' }).waitFor();
    await panel.getByRole('button', { name: 'Add a handler' }).click();
    expect(await offeredEvents(0)).toEqual(STEP_EVENTS);
  });
});
