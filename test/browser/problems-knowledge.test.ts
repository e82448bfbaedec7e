import { BrowserSession, chooseOption, startBrowserSession } from '../helpers/browser';
import { setUpHelpdesk, type Helpdesk } from '../helpers/closure-setup';
import { testDatabases } from '../helpers/databases';

/**
 * The console pages for problems, work orders, the knowledge base and the ratings chart, on the help desk of
 * the closure tests: a manager (a member of the first line) resolves two incidents through one problem; the
 * customers' ratings of them reach the dashboard; a partner's user, bound in the user editor, accepts their
 * work order; an administrator's article reaches a customer's portal search.
 */
describe.each(testDatabases())('problems, knowledge and ratings in the console on %s', (database) => {
  let s: BrowserSession;
  let h: Helpdesk;
  let incidents: { id: number; number: string }[];

  const signInAs = async (login: string, password: string, landing: string) => {
    await s.open('/login');
    await s.signIn(login, password);
    await s.page.getByRole('heading', { name: landing }).waitFor();
  };
  const signOut = async () => {
    await s.page.getByRole('button', { name: 'Sign out' }).click();
    await s.page.getByRole('button', { name: 'Sign in' }).waitFor();
  };

  beforeAll(async () => {
    s = await startBrowserSession({}, database);
    h = await setUpHelpdesk(s.app);
    h.ids.mira = (await h.ok('admin', 'POST', '/api/users', { login: 'mira', name: 'Mira Manager', password: 'mira-password-1', roleCodes: ['manager'] }, 201)).id;
    await h.ok('admin', 'PUT', `/api/queues/${h.ids.FIRST}/people`, { memberIds: [h.ids.disp, h.ids.mira], workgroupIds: [], administratorIds: [] }, 200);
    const ids = await h.register('HELP', 2);
    incidents = await Promise.all(ids.map(async (id) => ({ id, number: (await h.ok('disp', 'GET', `/api/requests/${id}`, undefined, 200)).request.number })));
    // A portal customer, bound to the client by the user API itself.
    await h.ok('admin', 'POST', '/api/users', { login: 'anna', name: 'Anna Customer', password: 'anna-password-1', roleCodes: ['customer'], clientId: h.ids.client }, 201);
  });
  afterAll(() => s?.close());

  it('lets a manager record a problem, link two requests to it and resolve them both at once', async () => {
    const { page } = s;
    await signInAs('mira', 'mira-password-1', 'Welcome, Mira Manager');
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Problems' }).click();
    await page.getByRole('heading', { name: 'Problems' }).waitFor();
    await page.getByRole('button', { name: 'New problem' }).click();
    const create = page.getByRole('dialog', { name: 'New problem' });
    await create.getByRole('button', { name: 'Create' }).click();
    await create.getByText('Fill in this field').waitFor();
    await create.getByLabel('Subject').fill('Exchange PSK-3 is down');
    await create.getByLabel('Description').fill('No dial tone since 9:00');
    await create.getByLabel('Mass problem').click();
    await create.getByRole('button', { name: 'Create' }).click();
    await create.waitFor({ state: 'hidden' });
    const heading = page.getByRole('heading', { name: /^PRB-\d{4}-000001 · Exchange PSK-3 is down$/ });
    await heading.waitFor();
    expect(await page.getByTestId('problem-description').innerText()).toBe('No dial tone since 9:00');

    await page.getByRole('button', { name: 'Link requests' }).click();
    const link = page.getByRole('dialog', { name: 'Link requests' });
    await link.getByRole('button', { name: 'Link requests' }).click();
    await link.getByText('Tick at least one request').waitFor();
    await link.getByLabel('Requests to link').fill('dial tone');
    await link.getByLabel('Requests to link').press('Enter');
    for (const incident of incidents) await link.getByRole('checkbox', { name: new RegExp(`^${incident.number} · No dial tone`) }).check();
    expect(await link.getByTestId('chosen-requests').innerText()).toMatch(/No dial tone 1[\s\S]*No dial tone 2/);
    await link.getByRole('button', { name: 'Link requests' }).click();
    await link.waitFor({ state: 'hidden' });
    for (const incident of incidents) await page.getByTestId(`linked-${incident.number}`).waitFor();
    expect(await page.getByTestId('problem-linked-count').innerText()).toBe('2');

    await page.getByRole('button', { name: 'Resolve all linked' }).click();
    const resolve = page.getByRole('dialog', { name: 'Resolve all linked' });
    await resolve.getByLabel('What fixed it').fill('The exchange board was replaced');
    await resolve.getByRole('button', { name: 'Resolve all linked' }).click();
    await resolve.waitFor({ state: 'hidden' });
    await page.getByTestId('problem-status').filter({ hasText: 'resolved' }).waitFor();
    for (const incident of incidents) {
      const row = page.getByTestId(`linked-${incident.number}`);
      await row.getByText('resolved by the problem').waitFor();
      expect(await row.getByTestId('linked-status').innerText()).toBe('resolved');
    }
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    await s.screenshot('problems-resolved');

    const stored = await Promise.all(incidents.map(async ({ id }) => (await h.ok('disp', 'GET', `/api/requests/${id}`, undefined, 200)).request.status));
    expect(stored).toEqual(['resolved', 'resolved']);

    // The fix held: the problem is closed, and may still be reopened.
    await page.getByRole('button', { name: 'Close the problem' }).click();
    const close = page.getByRole('dialog', { name: 'Close the problem' });
    await close.getByLabel('How the fix held').fill('No calls for a week');
    await close.getByRole('button', { name: 'Close the problem' }).click();
    await close.waitFor({ state: 'hidden' });
    await page.getByTestId('problem-status').filter({ hasText: 'closed' }).waitFor();
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    await page.getByRole('button', { name: 'Back to the problems' }).click();
    expect(await page.getByTestId('problem-PRB-' + new Date().getUTCFullYear() + '-000001').innerText()).toMatch(/Exchange PSK-3 is down\s+mass\s+closed\s+2/);
  });

  it('draws the customers\' ratings, given through the API, on the dashboard', async () => {
    const [first, second] = incidents;
    await h.ok('disp', 'POST', `/api/requests/${first.id}/confirm`, { expectedVersion: await h.version(first.id), rating: 4 }, 200);
    await h.ok('disp', 'POST', `/api/requests/${second.id}/confirm`, { expectedVersion: await h.version(second.id), rating: 5, comment: 'Quick fix' }, 200);

    const { page } = s;
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const chart = page.getByRole('list', { name: 'Customer ratings (30 days)' });
    await chart.getByRole('listitem', { name: 'Rated 5: 1' }).waitFor();
    await chart.getByRole('listitem', { name: 'Rated 4: 1' }).waitFor();
    await chart.getByRole('listitem', { name: 'Rated 1: 0' }).waitFor();
    const ratings = page.getByTestId('dashboard-ratings');
    expect(await ratings.getByTestId('ratings-average').innerText()).toContain('4.5');
    expect(await ratings.getByTestId('ratings-total').innerText()).toContain('2');
    await ratings.scrollIntoViewIfNeeded();
    await s.screenshot('dashboard-ratings');
  });

  it('shows a work order on its request card, binds a partner user in the user editor, and lets that user accept only their order', async () => {
    const { page } = s;
    const cable = (await h.ok('admin', 'POST', '/api/partners', { code: 'CABLE', name: 'Cable works' }, 201)).id;
    const other = (await h.ok('admin', 'POST', '/api/partners', { code: 'POWER', name: 'Power grid' }, 201)).id;
    const [requestId] = await h.register('HELP', 1);
    const order = await h.ok('disp', 'POST', `/api/requests/${requestId}/work-orders`, { partnerId: cable, subject: 'Replace the cable at PSK-3', dueAt: new Date(Date.now() - 3_600_000).toISOString() }, 201);
    await h.ok('disp', 'POST', `/api/requests/${requestId}/work-orders`, { partnerId: other, subject: 'Check the power feed' }, 201);

    await s.open(`/workspace/requests?request=${requestId}`);
    const panel = page.getByTestId('card-work-orders');
    await panel.getByText('Work orders (2)').waitFor();
    const row = panel.locator('tr', { hasText: 'Replace the cable at PSK-3' });
    expect(await row.innerText()).toMatch(/Cable works\s+new\s+[\s\S]*overdue/);
    await s.screenshot('request-card-work-orders');

    // Mira manages but does not work requests: she may not give one.
    expect(await panel.getByRole('button', { name: 'New work order' }).count()).toBe(0);
    await signOut();

    await s.signInAsAdmin();
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'New user' }).click();
    const form = page.getByRole('dialog', { name: 'New user' });
    await form.getByLabel('Login', { exact: true }).fill('crew');
    await form.getByLabel('Name', { exact: true }).fill('Cable Crew');
    await form.getByLabel('Password', { exact: true }).fill('crew-password-1');
    await form.getByLabel('Roles', { exact: true }).fill('Partner');
    await page.locator('.ant-select-item-option-active', { hasText: 'Partner' }).waitFor();
    await form.getByLabel('Roles', { exact: true }).press('Enter');
    await form.getByLabel('Roles', { exact: true }).press('Escape');
    await form.getByLabel('Partner organisation').fill('Cable');
    // The picker shows its choice by name once the form holds it.
    await chooseOption(page.locator('.ant-select-item-option', { hasText: 'Cable works' }), form.getByTitle('Cable works', { exact: true }));
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });
    const users = await h.ok('admin', 'GET', '/api/users?q=crew', undefined, 200);
    expect(users.items.map((user: { login: string; partnerId: number | null }) => [user.login, user.partnerId])).toEqual([['crew', cable]]);
    await signOut();

    await signInAs('crew', 'crew-password-1', 'Welcome, Cable Crew');
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Work orders' }).click();
    await page.getByRole('heading', { name: 'Work orders' }).waitFor();
    const mine = page.getByTestId(`work-order-${order.id}`);
    await mine.getByText('overdue').waitFor();
    expect(await page.getByText('Check the power feed').count()).toBe(0);
    await mine.getByRole('button', { name: 'Accept' }).click();
    await mine.getByTestId('work-order-status').filter({ hasText: 'accepted' }).waitFor();
    await mine.getByRole('button', { name: 'Start work' }).waitFor();
    await s.screenshot('partner-work-orders');
    expect((await h.ok('admin', 'GET', `/api/work-orders/${order.id}`, undefined, 200)).status).toBe('accepted');
    await signOut();

    // The dispatcher, who works the request, gives a third one from its card.
    await signInAs('disp', 'disp-password-1', 'Welcome, disp');
    await s.open(`/workspace/requests?request=${requestId}`);
    await panel.getByText('Work orders (2)').waitFor();
    await panel.getByRole('button', { name: 'New work order' }).click();
    const orderForm = page.getByRole('dialog', { name: 'New work order' });
    await orderForm.getByLabel('Partner').fill('Cable');
    await chooseOption(page.locator('.ant-select-item-option', { hasText: 'Cable works' }), orderForm.getByTitle('Cable works', { exact: true }));
    await orderForm.getByLabel('Subject').fill('Inspect the duct');
    await orderForm.getByLabel('Description').fill('Water in the duct\nafter the rain');
    await orderForm.getByRole('button', { name: 'Save' }).click();
    await orderForm.waitFor({ state: 'hidden' });
    await panel.getByText('Work orders (3)').waitFor();
    expect(await panel.locator('tr', { hasText: 'Inspect the duct' }).innerText()).toMatch(/Cable works\s+new/);
    const given = (await h.ok('disp', 'GET', `/api/requests/${requestId}/work-orders`, undefined, 200)).find((stored: { subject: string }) => stored.subject === 'Inspect the duct');
    expect(given).toMatchObject({ partnerId: cable, status: 'new', description: '<p>Water in the duct</p><p>after the rain</p>' });
    await signOut();
  });

  it('lets an administrator write and publish an article that a customer then finds in the portal search', async () => {
    const { page } = s;
    await s.signInAsAdmin();
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Knowledge base' }).click();
    await page.getByRole('heading', { name: 'Knowledge base' }).waitFor();
    await page.getByRole('button', { name: 'New article' }).click();
    const write = page.getByRole('dialog', { name: 'New article' });
    // A title of markup only is refused by the server; its sentence lands under the field.
    await write.getByLabel('Title').fill('<b></b>');
    await write.getByLabel('Text').fill('Unplug the router for ten seconds.\nWait until the green light stops blinking.');
    await write.getByRole('button', { name: 'Save' }).click();
    await write.locator('.ant-form-item', { has: page.getByText('Title', { exact: true }) }).getByText('is empty once markup is removed').waitFor();
    await write.getByLabel('Title').fill('Restarting the office router');
    await write.getByLabel('Tags').fill('router');
    await write.getByLabel('Tags').press('Enter');
    await write.getByLabel('Title').click();
    await write.getByRole('button', { name: 'Save' }).click();
    await write.waitFor({ state: 'hidden' });
    const row = page.locator('tr', { hasText: 'Restarting the office router' });
    await row.getByTestId('article-state').filter({ hasText: 'Draft' }).waitFor();
    await row.getByRole('button', { name: 'Publish', exact: true }).click();
    await row.getByTestId('article-state').filter({ hasText: 'Published' }).waitFor();
    expect(await row.innerText()).toContain('customers (portal)');
    await s.screenshot('knowledge-articles');
    await signOut();

    await signInAs('anna', 'anna-password-1', 'My requests');
    await page.getByRole('navigation', { name: 'portal' }).getByRole('link', { name: 'New request' }).click();
    const knowledge = page.getByTestId('knowledge-search');
    await knowledge.getByPlaceholder('e.g. VPN password').fill('router');
    await knowledge.getByPlaceholder('e.g. VPN password').press('Enter');
    await knowledge.getByText('Restarting the office router').click();
    await knowledge.getByText('Wait until the green light stops blinking.').waitFor();
    await knowledge.getByText('Unplug the router for ten seconds.').waitFor();
    await s.screenshot('portal-finds-article');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  it('lets the dispatcher link a known error to a request from its card and read it there', async () => {
    const { page } = s;
    await h.ok('admin', 'POST', '/api/knowledge/articles', { title: 'Exchange PSK-3 drops lines', body: '<p>Reset board 4, then call the line back.</p>', kind: 'known_error', audience: 'internal', published: true }, 201);
    const [requestId] = await h.register('HELP', 1);
    await signInAs('disp', 'disp-password-1', 'Welcome, disp');
    await s.open(`/workspace/requests?request=${requestId}`);
    await page.getByRole('tab', { name: 'Knowledge' }).click();
    const panel = page.getByTestId('linked-articles');
    await panel.getByText('No article is linked.').waitFor();
    await panel.getByLabel('Articles to link').fill('PSK-3');
    await chooseOption(page.locator('.ant-select-item-option', { hasText: 'Exchange PSK-3 drops lines' }), panel.getByTitle('Exchange PSK-3 drops lines'));
    await panel.getByRole('button', { name: 'Save the links' }).click();
    const item = panel.locator('.ant-collapse-item', { hasText: 'Exchange PSK-3 drops lines' });
    await item.getByText('known error').waitFor();
    await item.getByText('Exchange PSK-3 drops lines').click();
    await item.getByText('Reset board 4, then call the line back.').waitFor();
    await s.screenshot('request-card-knowledge');
    const linked = await h.ok('disp', 'GET', `/api/requests/${requestId}/articles`, undefined, 200);
    expect(linked.map((article: { title: string }) => article.title)).toEqual(['Exchange PSK-3 drops lines']);
  });
});
