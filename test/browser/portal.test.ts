import { RequestRating } from '../../server/src/requests/closure/request-rating.entity';
import { BrowserSession, startBrowserSession } from '../helpers/browser';
import { setUpHelpdesk, type Helpdesk } from '../helpers/closure-setup';

/**
 * A customer's self-service: the knowledge base first, then a request through the portal form, and, once the
 * operators have solved it, the confirmation with a rating.
 */
describe('the customer portal', () => {
  let s: BrowserSession;
  let h: Helpdesk;
  const scripts: string[] = [];

  beforeAll(async () => {
    s = await startBrowserSession();
    s.page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    h = await setUpHelpdesk(s.app);
    await h.ok('admin', 'POST', '/api/channels', { code: 'WEB', name: 'web' }, 201);
    const serial = (await h.ok('admin', 'POST', '/api/attributes', { code: 'SERIAL', name: 'Serial number', valueType: 'string', regex: '^SN-[0-9]{4}$' }, 201)).id;
    await h.ok('admin', 'POST', `/api/topics/${h.ids.HELP_DISPATCH}/attributes`, { attributeId: serial, required: true }, 201);
    await h.ok('admin', 'POST', '/api/knowledge/articles', { title: 'Resetting your VPN password', body: '<p>Open <b>Settings → Security</b> and choose <i>Reset</i>.</p>', tags: ['vpn'], published: true, audience: 'customer' }, 201);
    await h.ok('admin', 'POST', '/api/knowledge/articles', { title: 'VPN concentrator restart', body: '<p>Staff only</p>', published: true, audience: 'internal' }, 201);
    const anna = (await h.ok('admin', 'POST', '/api/users', { login: 'anna', name: 'Anna Customer', password: 'anna-password-1', roleCodes: ['customer'] }, 201)).id;
    await h.ok('admin', 'PUT', `/api/users/${anna}/customer`, { clientId: h.ids.client, contactPersonId: h.ids.person }, 200);
  });
  afterAll(() => s?.close());

  it('searches the knowledge base, submits a request, and confirms the solution with a rating', async () => {
    const { page } = s;
    await s.open('/login');
    await s.signIn('anna', 'anna-password-1');
    // A customer lands in the portal, not in the console.
    await page.getByRole('heading', { name: 'My requests' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/portal');
    expect(await page.getByRole('navigation', { name: 'main' }).count()).toBe(0);

    await page.getByRole('navigation', { name: 'portal' }).getByRole('link', { name: 'New request' }).click();
    const knowledge = page.getByTestId('knowledge-search');
    await knowledge.getByText('Maybe this answers your question').waitFor();
    await knowledge.getByPlaceholder('e.g. VPN password').fill('vpn');
    await knowledge.getByPlaceholder('e.g. VPN password').press('Enter');
    await knowledge.getByText('Resetting your VPN password').click();
    await knowledge.getByText('Settings → Security').waitFor();
    expect(await knowledge.getByText('VPN concentrator restart').count()).toBe(0);
    // The search comes before the form.
    const [searchBox, formBox] = await Promise.all([knowledge.boundingBox(), page.getByTestId('portal-request-form').boundingBox()]);
    expect(searchBox!.y).toBeLessThan(formBox!.y);
    await s.screenshot('portal-knowledge-search');

    const form = page.getByTestId('portal-request-form');
    await form.getByLabel('Topic', { exact: true }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('Support / HELP_DISPATCH').click();
    await form.getByLabel('Serial number').waitFor();
    await form.getByLabel('Subject', { exact: true }).fill('VPN still refuses my password');
    await form.getByLabel('Description').fill('Reset did not help.\nTried twice.');
    await form.getByLabel('Serial number').fill('12');
    await form.getByRole('button', { name: 'Submit' }).click();
    // The server's 400 lands next to the field it names.
    const serialError = form.locator('.ant-form-item', { has: page.getByText('Serial number', { exact: true }) }).locator('.ant-form-item-explain-error');
    await serialError.waitFor();
    expect(await serialError.innerText()).not.toBe('');
    await form.getByLabel('Serial number').fill('SN-4711');
    await form.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('heading', { name: /VPN still refuses my password/ }).waitFor();
    await page.getByText('Tried twice.').waitFor();
    expect(await page.getByTestId('request-status').innerText()).toBe('In progress');
    const id = Number(new URL(page.url()).pathname.split('/').pop());

    await page.getByLabel('Add a comment').fill('Urgent <script>window.hacked = 1</script>please');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByTestId('portal-comment').getByText('Urgent <script>window.hacked = 1</script>please').waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { hacked?: number }).hacked)).toBeUndefined();

    // The operators solve it through the API.
    await h.ok('disp', 'POST', `/api/requests/${id}/transitions`, { transitionId: 'assign', expectedVersion: await h.version(id) }, 200);
    await h.ok('eng', 'POST', `/api/requests/${id}/accept`, { expectedVersion: await h.version(id) }, 200);
    await h.ok('eng', 'POST', `/api/requests/${id}/transitions`, { transitionId: 'solve', expectedVersion: await h.version(id) }, 200);

    await page.reload();
    const answer = page.getByTestId('solution-answer');
    await answer.getByText('The request is resolved. Did the solution help?').waitFor();
    expect(await page.getByTestId('request-status').innerText()).toBe('Resolved — awaiting your confirmation');
    await answer.locator('.ant-rate-star').nth(3).click();
    await answer.getByLabel('Comment (optional)').fill('Works now');
    await answer.getByRole('button', { name: 'Confirm' }).click();
    await page.getByTestId('rating-done').getByText('Thank you! The request is closed.').waitFor();
    expect(await page.getByTestId('request-status').innerText()).toBe('Closed');
    expect(await page.getByTestId('solution-answer').count()).toBe(0);
    await s.screenshot('portal-request-confirmed');
    expect(await s.app.dataSource.getRepository(RequestRating).findBy({ requestId: id })).toEqual([expect.objectContaining({ rating: 4, comment: 'Works now' })]);

    await page.getByRole('link', { name: 'Back to my requests' }).click();
    await page.getByRole('row', { name: /VPN still refuses my password/ }).getByText('Closed').waitFor();
    // The portal is its own chunk: the console's designer and modeller were never loaded.
    expect(scripts.filter((url) => /RoutesPage|TopicsPage|bpmn/i.test(url))).toEqual([]);
  });
});
