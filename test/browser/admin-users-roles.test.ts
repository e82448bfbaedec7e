import type { Locator } from 'playwright-core';
import { BrowserSession, startBrowserSession } from '../helpers/browser';

describe('administering users and roles in the console', () => {
  let s: BrowserSession;

  beforeAll(async () => {
    s = await startBrowserSession();
    await s.signInAsAdmin();
  });
  afterAll(() => s?.close());

  const dialog = (title: string) => s.page.getByRole('dialog', { name: title });
  /** The error text antd shows under the field with this label. */
  const fieldError = (form: Locator, label: string) => form.locator('.ant-form-item', { has: s.page.getByLabel(label, { exact: true }) }).locator('.ant-form-item-explain-error');
  const goTo = async (menuItem: string) => {
    await s.page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: menuItem }).click();
    await s.page.getByRole('heading', { name: menuItem }).waitFor();
  };

  it('creates a role granting a permission and lists it', async () => {
    await goTo('Roles');
    await s.page.getByRole('button', { name: 'New role' }).click();
    const form = dialog('New role');
    await form.getByLabel('Code', { exact: true }).fill('auditor');
    await form.getByLabel('Name', { exact: true }).fill('Auditor');
    await form.getByRole('checkbox', { name: /audit\.read/ }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });

    const row = s.page.getByRole('row', { name: /auditor/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Auditor[\s\S]*audit\.read/);
    await s.screenshot('roles-after-create');
  });

  it('shows the API refusal of a malformed login next to the login field, and creates the user once corrected', async () => {
    await goTo('Users');
    await s.page.getByRole('button', { name: 'New user' }).click();
    const form = dialog('New user');
    await form.getByLabel('Login', { exact: true }).fill('maria petrova');
    await form.getByLabel('Name', { exact: true }).fill('Maria Petrova');
    await form.getByLabel('Password', { exact: true }).fill('correct-horse-battery');
    await form.getByLabel('E-mail', { exact: true }).fill('maria@example.org');
    // By keyboard: type part of the role's name, Enter picks the highlighted match.
    await form.getByLabel('Roles', { exact: true }).fill('Audi');
    await s.page.locator('.ant-select-item-option-active', { hasText: 'Auditor' }).waitFor();
    await form.getByLabel('Roles', { exact: true }).press('Enter');
    await form.getByLabel('Roles', { exact: true }).press('Escape');
    await form.getByRole('button', { name: 'Save' }).click();

    await fieldError(form, 'Login').waitFor();
    expect(await fieldError(form, 'Login').innerText()).toBe('login may contain letters, digits and . _ @ - only');
    await s.screenshot('users-validation-error');

    await form.getByLabel('Login', { exact: true }).fill('maria.petrova');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });
    const row = s.page.getByRole('row', { name: /maria\.petrova/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/maria\.petrova\s+Maria Petrova\s+maria@example\.org\s+Auditor\s+Active/);
    await s.screenshot('users-after-create');
  });

  it('says a taken login is taken, under the login field', async () => {
    await s.page.getByRole('button', { name: 'New user' }).click();
    const form = dialog('New user');
    await form.getByLabel('Login', { exact: true }).fill('maria.petrova');
    await form.getByLabel('Name', { exact: true }).fill('Another Maria');
    await form.getByLabel('Password', { exact: true }).fill('correct-horse-battery');
    await form.getByRole('button', { name: 'Save' }).click();
    await fieldError(form, 'Login').waitFor();
    expect(await fieldError(form, 'Login').innerText()).toBe('already taken');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'hidden' });
  });

  it('finds users by search on the server and deactivates one', async () => {
    await s.page.getByRole('searchbox').fill('petrova');
    await s.page.getByRole('searchbox').press('Enter');
    await s.page.getByText('1 in all').waitFor();
    expect(await s.page.getByRole('row').count()).toBe(2);

    await s.page.getByRole('row', { name: /maria\.petrova/ }).getByRole('button', { name: 'Deactivate' }).click();
    await s.page.getByRole('button', { name: 'Yes' }).click();
    await s.page.getByRole('row', { name: /maria\.petrova/ }).getByRole('button', { name: 'Activate', exact: true }).waitFor();
    expect(await s.page.getByRole('row', { name: /maria\.petrova/ }).innerText()).toMatch(/Inactive/);
    const stored = await s.app.dataSource.query(`SELECT active FROM users WHERE login = 'maria.petrova'`);
    expect(Number(stored[0].active)).toBe(0);
  });
});
