import type { Locator } from 'playwright-core';
import { BrowserSession, startBrowserSession } from '../helpers/browser';

/**
 * The operator's day on the demo process (DOCKET_DEMO=1: queues CP and PSKOV, the contract termination topic
 * and its published route, the operator's contact template, the directory's demo clients).
 */
describe('the operator workspace', () => {
  let s: BrowserSession;
  const scripts: string[] = [];

  let bakerId: number;

  beforeAll(async () => {
    s = await startBrowserSession({ DOCKET_DEMO: '1' });
    // Somebody at Nevsky Bakery who calls: the contact names them.
    const admin = await s.app.loginAs('admin', s.app.adminPassword);
    const [bakery] = (await s.app.call('GET', '/api/clients?q=Nevsky', { token: admin })).body.items;
    bakerId = (await s.app.call('POST', '/api/contact-persons', { token: admin, body: { name: 'Pavel Baker', clientId: bakery.id, emails: [{ value: 'pavel@nevsky-bakery.example' }] } })).body.id;
    s.page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await s.open('/login');
    await s.signIn('operator', 'operator-demo-1');
    await s.page.getByRole('heading', { name: 'Welcome, Olga Operator' }).waitFor();
  });
  afterAll(() => s?.close());

  const visibleDropdown = () => s.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

  const fillDraft = async (draft: Locator, subject: string, reason: string) => {
    await draft.getByLabel('Topic', { exact: true }).click();
    await visibleDropdown().getByTitle('Contract termination').click();
    await draft.getByLabel('Termination date').waitFor();
    await draft.getByLabel('Subject', { exact: true }).fill(subject);
    await draft.getByLabel('Termination date').fill('2026-06-30');
    await draft.getByLabel('Reason', { exact: true }).fill(reason);
  };

  it('registers a contact with two requests for a client found by name, showing the server\'s field errors next to the fields', async () => {
    await s.page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'New contact' }).click();
    await s.page.getByRole('heading', { name: 'New contact' }).waitFor();
    // The operator's contact template fills channel, direction and the default place.
    await s.page.getByText('Call centre, inbound calls').waitFor();
    await s.page.getByText('Phone', { exact: true }).waitFor();
    expect(await s.page.locator('.ant-form-item', { has: s.page.getByText('Contact place', { exact: true }) }).innerText()).toContain('Mass market desk');

    await s.page.getByLabel('Client', { exact: true }).fill('Nevsky');
    await visibleDropdown().getByText('Nevsky Bakery').click();
    await s.page.getByLabel('Contact person', { exact: true }).click();
    await visibleDropdown().getByText('Pavel Baker').click();

    const first = s.page.getByTestId('request-draft-0');
    await fillDraft(first, 'Terminate the office line', 'Moving to a new office');
    // Attribute groups as configured: "Termination" open, "Internal" collapsed.
    expect(await first.locator('.ant-collapse-item-active').innerText()).toContain('Termination');
    expect(await first.getByText('Hand-off rejections').isVisible()).toBe(false);

    await s.page.getByRole('button', { name: 'Add another request' }).click();
    const second = s.page.getByTestId('request-draft-1');
    await fillDraft(second, 'Terminate the second line', 'No longer needed');

    // Nevsky Bakery is a VIP client: the server's rule makes "Inform by SMS" required, and its 400 names the field (of the first request it checks).
    await s.page.getByRole('button', { name: 'Register the contact' }).click();
    const smsError = (draft: Locator) => draft.locator('.ant-form-item', { has: s.page.getByText('Inform by SMS') }).locator('.ant-form-item-explain-error');
    await smsError(first).waitFor();
    await s.page.getByText('Correct the marked fields and register again.').waitFor();
    await s.screenshot('workspace-contact-field-errors');
    expect(await s.page.getByText(/Error:|at .*\.js|stack/i).count()).toBe(0);

    await first.getByRole('switch', { name: 'Inform by SMS' }).click();
    await second.getByRole('switch', { name: 'Inform by SMS' }).click();
    await s.page.getByRole('button', { name: 'Register the contact' }).click();
    await s.page.getByText('Contact registered with 2 request(s)').waitFor();
    const links = s.page.getByTestId('registered-request');
    expect(await links.count()).toBe(2);
    expect(await links.nth(0).innerText()).toContain('Terminate the office line');
    expect(await links.nth(1).innerText()).toContain('Terminate the second line');
    await s.screenshot('workspace-contact-registered');
    const stored = await s.app.dataSource.query("SELECT contactPersonId FROM requests WHERE subject LIKE 'Terminate the % line'");
    expect(stored.map((row: { contactPersonId: number }) => Number(row.contactPersonId))).toEqual([bakerId, bakerId]);
    await links.nth(0).click();
    await s.page.getByTestId('card-step').getByText('Register').waitFor();
  });

  it('moves the request through two steps from its card (the route prompting for a value on the way), and turns a stale version into a reload', async () => {
    const step = s.page.getByTestId('card-step');
    await s.page.getByRole('button', { name: 'Hand off to contracts' }).click();
    // The route prompts for the termination date on this transition, filled with the stored value.
    const prompt = s.page.getByRole('dialog', { name: 'Hand off to contracts' });
    expect(await prompt.getByLabel('Termination date').inputValue()).toBe('2026-06-30');
    await prompt.getByLabel('Termination date').fill('2026-07-31');
    await prompt.getByRole('button', { name: 'Go on' }).click();
    await step.getByText('CheckContract').waitFor();
    // The demo's client stays in the same queue at the next step, so the hand-off needs no acceptance.
    expect(await s.page.getByRole('button', { name: 'Accept', exact: true }).count()).toBe(0);

    // Someone else changes the request meanwhile: the next write is refused as stale and the card says so.
    const url = new URL(s.page.url());
    const id = Number(url.searchParams.get('request'));
    const token = await s.app.loginAs('specialist', 'specialist-demo-1');
    const current = await s.app.call('GET', `/api/requests/${id}`, { token });
    const taken = await s.app.call('POST', `/api/requests/${id}/assign`, { token, body: { expectedVersion: current.body.request.version, assigneeId: null } });
    expect(taken.status).toBe(200);
    await s.page.getByRole('button', { name: 'Terminate after notice' }).click();
    await s.page.getByText('Someone changed this request while you were looking at it').waitFor();
    await s.screenshot('workspace-card-stale');
    await s.page.getByRole('button', { name: 'Reload the request' }).click();
    await s.page.getByText('Someone changed this request while you were looking at it').waitFor({ state: 'detached' });

    await s.page.getByRole('button', { name: 'Terminate after notice' }).click();
    await step.getByText('NoticePeriod').waitFor();
    await s.page.getByRole('tab', { name: 'History' }).click();
    expect(await s.page.getByTestId('history-entry').count()).toBeGreaterThanOrEqual(4);
    await s.screenshot('workspace-card-moved');
  });

  it('lists the queue with the list-column attributes, and opens its first page quickly without the modeller\'s code', async () => {
    const started = Date.now();
    await s.open('/workspace/requests');
    await s.page.getByRole('columnheader', { name: 'Termination date' }).waitFor();
    await s.page.getByRole('row', { name: /Terminate the second line/ }).waitFor();
    const interactiveMs = await s.page.evaluate(() => Math.round(performance.now()));
    console.log(`workspace first page interactive: ${interactiveMs} ms after navigation start (${Date.now() - started} ms wall clock)`);
    expect(interactiveMs).toBeLessThan(5_000);
    expect(await s.page.getByRole('row', { name: /Terminate the office line/ }).innerText()).toMatch(/Jul 31, 2026/);

    await s.page.locator('.ant-segmented').getByText('My requests', { exact: true }).click();
    await s.page.getByRole('row', { name: /Terminate the office line/ }).waitFor({ state: 'detached' });
    await s.page.locator('.ant-segmented').getByText('Unassigned', { exact: true }).click();
    await s.page.getByRole('row', { name: /Terminate the office line/ }).waitFor();
    await s.page.getByRole('row', { name: /Terminate the second line/ }).waitFor();
    await s.page.locator('.ant-segmented').getByText('Queue', { exact: true }).click();
    await s.page.getByPlaceholder('Subject contains…').fill('second');
    await s.page.getByPlaceholder('Subject contains…').press('Enter');
    await s.page.getByRole('row', { name: /Terminate the office line/ }).waitFor({ state: 'detached' });
    await s.page.getByRole('row', { name: /Terminate the second line/ }).waitFor();
    await s.screenshot('workspace-request-list');

    expect(scripts.some((script) => /RouteModeller|bpmn/i.test(script))).toBe(false);
    expect(scripts.some((script) => /RequestsPage/.test(script))).toBe(true);
  });
});
