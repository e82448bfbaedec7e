import { BrowserSession, startBrowserSession } from '../helpers/browser';

describe('API tokens, workgroups and the audit journal in the console', () => {
  let s: BrowserSession;

  beforeAll(async () => {
    s = await startBrowserSession();
    await s.signInAsAdmin();
  });
  afterAll(() => s?.close());

  const goTo = async (menuItem: string) => {
    await s.page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: menuItem }).click();
    await s.page.getByRole('heading', { name: menuItem }).waitFor();
  };

  it('issues a token shown once, which the API accepts until it is revoked', async () => {
    await goTo('API tokens');
    await s.page.getByRole('button', { name: 'Issue a token' }).click();
    const form = s.page.getByRole('dialog', { name: 'Issue a token' });
    await form.getByLabel('Name', { exact: true }).fill('Telephony gateway');
    await form.getByRole('checkbox', { name: /audit\.read/ }).check();
    await form.getByRole('button', { name: 'Issue a token' }).click();

    const shown = s.page.getByRole('dialog', { name: 'Token Telephony gateway issued' });
    await shown.waitFor();
    const secret = (await shown.getByTestId('token-secret').innerText()).trim();
    await s.screenshot('token-issued');
    expect((await s.app.call('GET', '/api/audit', { token: secret })).status).toBe(200);
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await shown.waitFor({ state: 'hidden' });
    expect(await s.page.getByText(secret).count()).toBe(0);

    const row = s.page.getByRole('row', { name: /Telephony gateway/ });
    expect(await row.innerText()).toMatch(/admin\s+audit\.read[\s\S]*Active/);
    await row.getByRole('button', { name: 'Revoke' }).click();
    await s.page.getByRole('button', { name: 'Yes' }).click();
    await row.getByText('Revoked').waitFor();
    expect((await s.app.call('GET', '/api/audit', { token: secret })).status).toBe(401);
  });

  it('creates a workgroup with a member and shows both', async () => {
    await goTo('Workgroups');
    await s.page.getByRole('button', { name: 'New workgroup' }).click();
    const form = s.page.getByRole('dialog', { name: 'New workgroup' });
    await form.getByLabel('Code', { exact: true }).fill('L2_NETWORK');
    await form.getByLabel('Name', { exact: true }).fill('Network, second line');
    await form.getByLabel('Territory', { exact: true }).fill('Moscow');
    await form.getByLabel('Members', { exact: true }).fill('admin');
    await s.page.locator('.ant-select-item-option-active', { hasText: 'Administrator (admin)' }).waitFor();
    await form.getByLabel('Members', { exact: true }).press('Enter');
    await form.getByLabel('Members', { exact: true }).press('Escape');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });

    const row = s.page.getByRole('row', { name: /L2_NETWORK/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/L2_NETWORK\s+Network, second line\s+—\s+Moscow\s+1\s+—\s+—\s+admin\s+Active/);
    await s.screenshot('workgroups-after-create');
  });

  it('filters the journal by object type and shows what changed', async () => {
    await goTo('Audit journal');
    await s.page.getByLabel('Object type').fill('workgroup');
    await s.page.getByLabel('Object type').press('Enter');
    await s.page.getByText('2 in all').waitFor();
    const actions = await s.page.locator('tbody tr.ant-table-row td:nth-child(6)').allInnerTexts();
    expect(actions.sort()).toEqual(['create', 'members']);

    await s.page.getByRole('row', { name: /members/ }).getByRole('button', { name: /expand/i }).click();
    const changes = s.page.getByRole('row', { name: /^memberIds/ });
    await changes.waitFor();
    expect(await changes.innerText()).toMatch(/memberIds\s+\[\]\s+\[1\]/);
    await s.screenshot('audit-filtered');
  });
});
