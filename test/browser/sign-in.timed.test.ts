import { BrowserSession, startBrowserSession } from '../helpers/browser';

describe('signing in to the console', () => {
  let s: BrowserSession;

  beforeAll(async () => {
    s = await startBrowserSession();
  });
  afterAll(() => s?.close());

  const signInHeading = () => s.page.getByRole('heading', { name: 'Sign in to Docket' });
  const path = () => new URL(s.page.url()).pathname;

  it('asks for the fields left empty', async () => {
    await s.open('/login');
    await s.page.getByRole('button', { name: 'Sign in' }).click();
    await s.page.getByText('Fill in this field').first().waitFor();
    expect(await s.page.getByText('Fill in this field').count()).toBe(2);
  });

  it('sends a signed-out visitor to sign in, says in words that the password is wrong, then returns to the page asked for', async () => {
    await s.open('/admin/users');
    await signInHeading().waitFor();
    expect(path()).toBe('/login');

    await s.signIn('admin', 'not-the-password');
    const alert = s.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('Wrong login or password.');
    await s.screenshot('sign-in-wrong-password');
    expect(path()).toBe('/login');

    await s.page.getByLabel('Password').fill(s.app.adminPassword);
    await s.page.getByRole('button', { name: 'Sign in' }).click();
    await s.page.getByRole('heading', { name: 'Users' }).waitFor();
    expect(path()).toBe('/admin/users');
  });

  it('keeps the session across a reload and ends it on sign-out', async () => {
    await s.page.reload();
    await s.page.getByRole('heading', { name: 'Users' }).waitFor();
    await s.page.getByRole('button', { name: 'Sign out' }).click();
    await signInHeading().waitFor();
    await s.open('/');
    await signInHeading().waitFor();
    expect(path()).toBe('/login');
  });

  it('opens the first page interactive within 2 s of signing in, and prints the figure', async () => {
    await s.open('/login');
    await s.page.getByLabel('Login').fill('admin');
    await s.page.getByLabel('Password').fill(s.app.adminPassword);
    const started = Date.now();
    const signedIn = s.page.waitForResponse((response) => response.url().endsWith('/api/auth/login')).then(() => Date.now());
    await s.page.getByRole('button', { name: 'Sign in' }).click();
    await s.page.getByRole('heading', { name: 'Welcome, Administrator' }).waitFor();
    // Interactive: rendering is over and the main thread is free to answer input. (A string: the test
    // project is typed without DOM globals.)
    await s.page.evaluate('new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5000 }))');
    const timeToInteractive = Date.now() - started;
    console.log(`time to interactive of the first page after sign-in: ${timeToInteractive} ms (the sign-in call answered after ${(await signedIn) - started} ms)`);
    await s.screenshot('home-after-sign-in');
    expect(timeToInteractive).toBeLessThan(2000);

    const menu = s.page.getByRole('navigation', { name: 'main' });
    expect(await menu.getByRole('link').allInnerTexts()).toEqual(['Home', 'Topics and attributes', 'Route modeller', 'Dictionaries', 'SLA settings', 'Intake settings', 'Notification templates', 'Classification', 'Export / import', 'Queues', 'Users', 'Roles', 'Workgroups', 'API tokens', 'Audit journal', 'New contact', 'Requests', 'Problems', 'Work orders', 'Knowledge base', 'SLA breaches', 'Dashboard', 'Reports']);
    await menu.getByRole('link', { name: 'Audit journal' }).click();
    await s.page.getByRole('heading', { name: 'Audit journal' }).waitFor();
  });
});
