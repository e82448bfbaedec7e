import { BrowserSession, chooseOption, startBrowserSession } from '../helpers/browser';

/**
 * The request list's filters, saved filters, grouping and bulk actions on the demo process (DOCKET_DEMO=1:
 * operator and specialist work queues CP and PSKOV). Four requests are registered through the API: three
 * for Pskov, one for Tver (the "Termination city" list column).
 */
describe('the operator workspace: the request list', () => {
  let s: BrowserSession;
  let operator: string;
  const pskov: { id: number; number: string }[] = [];
  let tver: string;

  const visibleDropdown = () => s.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const pick = async (label: string, option: string) => {
    await s.page.getByLabel(label, { exact: true }).click();
    await visibleDropdown().getByTitle(option, { exact: true }).click();
  };
  const row = (number: string) => s.page.getByTestId(`request-row-${number}`);

  beforeAll(async () => {
    s = await startBrowserSession({ DOCKET_DEMO: '1' });
    operator = await s.app.loginAs('operator', 'operator-demo-1');
    const topic = (await s.app.call('GET', '/api/topic-catalog', { token: operator })).body.find((node: { kind: string }) => node.kind === 'topic');
    const request = (subject: string, city: string) => ({ topicId: topic.id, type: 'change', impact: 3, urgency: 3, subject, attributes: { TERMINATION_CITY: city, TERMINATION_DATE: '2026-06-30', REASON: 'Moving away' } });
    const created = await s.app.call('POST', '/api/contacts', { token: operator, body: { requests: [request('Pskov line one', 'Pskov'), request('Pskov line two', 'Pskov'), request('Pskov line three', 'Pskov'), request('Tver line', 'Tver')] } });
    expect(created.status).toBe(201);
    pskov.push(...created.body.requests.slice(0, 3).map(({ id, number }: { id: number; number: string }) => ({ id, number })));
    tver = created.body.requests[3].number;

    await s.open('/login');
    await s.signIn('operator', 'operator-demo-1');
    await s.page.getByRole('heading', { name: 'Welcome, Olga Operator' }).waitFor();
  });
  afterAll(() => s?.close());

  it('filters the list by a list-column attribute, saves the filter, and applies it again after a reload', async () => {
    await s.open('/workspace/requests');
    await row(tver).waitFor();
    await pick('Filter by attribute', 'Termination city');
    await s.page.getByLabel('Value', { exact: true }).fill('Pskov');
    await s.page.getByLabel('Value', { exact: true }).press('Enter');
    await row(tver).waitFor({ state: 'detached' });
    for (const { number } of pskov) await row(number).waitFor();

    await s.page.getByRole('button', { name: 'Save the filter' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'Save the filter' });
    await dialog.getByLabel('Name').fill('Pskov terminations');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await s.page.getByText('Filter saved as "Pskov terminations"').waitFor();
    // The same name again is refused, and the refusal is shown at the name.
    await s.page.getByRole('button', { name: 'Save the filter' }).click();
    await dialog.getByLabel('Name').fill('Pskov terminations');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.locator('.ant-form-item-explain-error').getByText('already used').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await s.page.reload();
    await row(tver).waitFor();
    await pick('Saved filters', 'Pskov terminations');
    await row(tver).waitFor({ state: 'detached' });
    for (const { number } of pskov) await row(number).waitFor();
    expect(await s.page.getByLabel('Value', { exact: true }).inputValue()).toBe('Pskov');
    expect(await s.page.getByTestId('attribute-filter').innerText()).toContain('Termination city');
  });

  it('groups the filtered list by status with the server\'s counts, and opens a group to its requests', async () => {
    await pick('Group by', 'Group by status');
    // The server counts the three Pskov requests, all just registered and in progress; the Tver one is filtered out.
    const expected = await s.app.call('GET', `/api/requests/groups?by=status&filters=${encodeURIComponent(JSON.stringify([{ field: 'attr.TERMINATION_CITY', op: 'eq', value: 'Pskov' }]))}`, { token: operator });
    expect(expected.body).toEqual({ by: 'status', total: 3, groups: [{ key: 'in_progress', count: 3 }] });
    await s.page.getByText('3 request(s) in 1 group(s)').waitFor();
    const header = s.page.getByTestId('group-in_progress');
    expect(await header.innerText()).toMatch(/^in progress\s+3$/);
    expect(await header.getByLabel('in progress: 3 requests').count()).toBe(1);
    await header.click();
    for (const { number } of pskov) await row(number).waitFor();
    expect(await row(tver).count()).toBe(0);
    await s.screenshot('workspace-list-grouped');
  });

  it('bulk-assigns three chosen requests and shows each one\'s result: one changed meanwhile is refused and stays chosen', async () => {
    for (const { number } of pskov) await s.page.getByRole('checkbox', { name: `Choose ${number}` }).check();
    await s.page.getByTestId('bulk-actions').getByText('3 chosen:').waitFor();

    // A colleague takes the third request after the operator's list was read.
    const [, , changed] = pskov;
    const specialist = await s.app.loginAs('specialist', 'specialist-demo-1');
    const specialistId = (await s.app.call('GET', '/api/auth/me', { token: specialist })).body.id;
    const current = await s.app.call('GET', `/api/requests/${changed.id}`, { token: specialist });
    expect((await s.app.call('POST', `/api/requests/${changed.id}/assign`, { token: specialist, body: { expectedVersion: current.body.request.version, assigneeId: specialistId } })).status).toBe(200);

    await s.page.getByTestId('bulk-actions').getByRole('button', { name: 'Assign' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'Assign 3 requests' });
    await dialog.getByLabel('Assignee').click();
    await chooseOption(visibleDropdown().getByTitle('Olga Operator', { exact: true }), dialog.getByTitle('Olga Operator', { exact: true }));
    await dialog.getByRole('button', { name: 'Assign', exact: true }).click();

    const results = s.page.getByRole('dialog', { name: '2 done, 1 refused' });
    await results.waitFor();
    for (const { number } of pskov.slice(0, 2)) expect(await results.getByTestId(`bulk-result-${number}`).innerText()).toMatch(/Done/);
    const refused = await results.getByTestId(`bulk-result-${changed.number}`).innerText();
    expect(refused).toContain('Refused');
    expect(refused).toContain('Someone changed it after the list was read; nothing was changed on it.');
    expect(await results.getByText(/Error:|stale_version|at .*\.js/).count()).toBe(0);
    await s.screenshot('workspace-list-bulk-result');
    await results.locator('.ant-modal-footer').getByRole('button', { name: 'Close' }).click();

    // The list is read again: the two are the operator's, shown by name; the refused one stays chosen.
    for (const { number } of pskov.slice(0, 2)) await row(number).getByText('Olga Operator (me)').waitFor();
    await s.page.getByTestId('bulk-actions').getByText('1 chosen:').waitFor();
    const stored = await Promise.all(pskov.map(async ({ id }) => (await s.app.call('GET', `/api/requests/${id}`, { token: operator })).body.request.assigneeId));
    const me = (await s.app.call('GET', '/api/auth/me', { token: operator })).body;
    expect(stored.slice(0, 2)).toEqual([me.id, me.id]);
    expect(stored[2]).toBe(specialistId);
  });
});
