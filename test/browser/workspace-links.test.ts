import { BrowserSession, chooseOption, startBrowserSession } from '../helpers/browser';
import { publishFamily } from '../helpers/family-routes';
import { apiAs } from '../helpers/request-data';
import { addQueue, addStaff } from '../helpers/staff';

/**
 * The request card's links and tags: olga works DESK, where a PARENT request starts two child requests as it is
 * registered (helpers/family-routes.ts), and where a plain request about toner waits. Set up through the API,
 * then worked in the console.
 */
describe('the operator workspace: links and tags', () => {
  let s: BrowserSession;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  let parent: { id: number; number: string };
  let children: { id: number; number: string }[];
  let toner: { id: number; number: string };
  const parentSubject = 'New office on floor 3';
  const tonerSubject = 'Toner for the floor 3 printer';

  const visibleDropdown = () => s.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const heading = (request: { number: string }, subject: string) => s.page.getByRole('heading', { name: `${request.number} · ${subject}` });
  const relative = (number: string) => s.page.getByTestId(`relative-${number}`);
  const row = (number: string) => s.page.getByTestId(`request-row-${number}`);

  beforeAll(async () => {
    s = await startBrowserSession();
    const { ok } = apiAs(() => s.app, tokens);
    await addStaff(s.app, ok, tokens, ids, [['olga', 'operator']], () => ({ name: 'Olga Operator' }));
    await addQueue(ok, ids, 'DESK', 'Desk', { members: ['olga'] });
    const { parentTopic } = await publishFamily(ok, 'DESK');
    const general = (await ok('admin', 'POST', '/api/topics', { code: 'GENERAL', name: 'General', kind: 'topic' }, 201)).id;
    parent = (await ok('olga', 'POST', '/api/contacts', { requests: [{ topicId: parentTopic, type: 'work', impact: 3, urgency: 3, subject: parentSubject }] }, 201)).requests[0];
    toner = (await ok('olga', 'POST', '/api/contacts', { requests: [{ topicId: general, type: 'work', impact: 3, urgency: 3, subject: tonerSubject, queueId: ids.DESK }] }, 201)).requests[0];
    children = (await ok('olga', 'GET', `/api/requests/${parent.id}`, undefined, 200)).children;
    expect(children).toHaveLength(2);

    await s.open('/login');
    await s.signIn('olga', 'olga-password-1');
    await s.page.getByRole('heading', { name: 'Welcome, Olga Operator' }).waitFor();
  });
  afterAll(() => s?.close());

  it('shows the parent request\'s children, links a related request by number, opens it from the link and removes the link there', async () => {
    await s.open(`/workspace/requests?request=${parent.id}`);
    await heading(parent, parentSubject).waitFor();
    await s.page.getByRole('tab', { name: 'Links (2)' }).click();
    for (const child of children) expect(await relative(child.number).innerText()).toMatch(new RegExp(`^Child\\s+${child.number}\\s+Child task\\s+in progress\\s*$`));

    // The card's own number is refused, and the refusal is shown beside the action.
    const adding = s.page.getByTestId('add-link');
    await adding.getByLabel('Request number').fill(parent.number);
    await adding.getByRole('button', { name: 'Link' }).click();
    await adding.getByRole('alert').getByText('A request cannot be linked to itself.').waitFor();

    // The picker offers both kinds; back to the related kind after looking at the other.
    for (const kind of ['Duplicate of', 'Related to']) {
      await adding.getByLabel('Kind of link').click();
      await chooseOption(visibleDropdown().getByTitle(kind, { exact: true }), adding.getByTitle(kind, { exact: true }));
    }
    await adding.getByLabel('Request number').fill(toner.number);
    await adding.getByRole('button', { name: 'Link' }).click();
    await relative(toner.number).waitFor();
    expect(await relative(toner.number).innerText()).toMatch(new RegExp(`^Related to\\s+${toner.number}\\s+General\\s+new\\s*$`));
    await s.page.getByRole('tab', { name: 'Links (3)' }).waitFor();
    expect(await adding.getByRole('alert').count()).toBe(0);
    await s.screenshot('workspace-card-links');

    await relative(toner.number).getByRole('button', { name: toner.number, exact: true }).click();
    await heading(toner, tonerSubject).waitFor();
    await s.page.getByRole('tab', { name: 'Links (1)' }).click();
    expect(await relative(parent.number).innerText()).toMatch(new RegExp(`^Related to\\s+${parent.number}\\s+Parent work\\s+in progress\\s*$`));

    // Removed from the other card it joins: gone from both.
    await relative(parent.number).getByRole('button', { name: `Remove the link to ${parent.number}` }).click();
    await relative(parent.number).waitFor({ state: 'detached' });
    await s.page.getByRole('tab', { name: 'Links (0)' }).waitFor();
    await s.page.getByText('No parent, children, problem or linked requests.').waitFor();
  });

  it('sets tags on the card, shown as the server keeps them, and filters the list by a tag', async () => {
    await s.open(`/workspace/requests?request=${toner.id}`);
    await heading(toner, tonerSubject).waitFor();
    await s.page.getByTestId('card-tags').getByRole('button', { name: 'Edit tags' }).click();
    const editor = s.page.getByTestId('tags-editor');
    const input = editor.getByLabel('Tags', { exact: true });
    for (const tag of ['Toner', '  Floor 3 ']) {
      await input.fill(tag);
      await input.press('Enter');
    }
    await editor.getByRole('button', { name: 'Save' }).click();
    const tags = s.page.getByTestId('card-tags');
    await tags.getByText('toner', { exact: true }).waitFor();
    expect(await tags.locator('.ant-tag').allInnerTexts()).toEqual(['floor 3', 'toner']);
    await s.screenshot('workspace-card-tags');

    await s.open('/workspace/requests');
    await row(parent.number).waitFor();
    await row(toner.number).waitFor();
    const filter = s.page.getByTestId('list-filters').getByLabel('Tags', { exact: true });
    await filter.fill('TONER');
    await filter.press('Enter');
    await row(parent.number).waitFor({ state: 'detached' });
    await row(toner.number).waitFor();
    for (const child of children) expect(await row(child.number).count()).toBe(0);
    await s.screenshot('workspace-list-by-tag');
  });
});
