import { SlaClocks } from '../../server/src/sla/sla-clocks';
import { BrowserSession, startBrowserSession } from '../helpers/browser';
import { insertRequest } from '../integration/sla-fixtures';

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The demo manager (DOCKET_DEMO=1) watching a breach that the running server's scheduler records. */
describe('the manager views', () => {
  let s: BrowserSession;
  let requestId: number;

  beforeAll(async () => {
    s = await startBrowserSession({ DOCKET_DEMO: '1', DOCKET_SWEEP_CRON: '* * * * * *' });
    const admin = await s.app.loginAs('admin', s.app.adminPassword);
    const calendar = await s.app.call('POST', '/api/sla/calendars', { token: admin, body: { code: 'always', name: 'Around the clock', definition: { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5, 6, 7] } } });
    expect(calendar.status).toBe(201);
    const policy = await s.app.call('POST', '/api/sla/policies', { token: admin, body: { code: 'vip', name: 'VIP', condition: { '==': [{ var: 'client.category' }, 'VIP'] }, calendarId: calendar.body.id, targets: { '2': { reactionMinutes: 60, resolutionMinutes: 480 } }, warningPercent: 75 } });
    expect(policy.status).toBe(201);
    const queues = await s.app.call('GET', '/api/queues?search=CP', { token: admin });
    const topics = await s.app.call('GET', '/api/topics?kind=topic&search=CONTRACT_TERMINATION', { token: admin });
    const request = await insertRequest(s.app.dataSource.manager, { queueId: queues.body.items[0].id, topicId: topics.body.items[0].id, priority: 2, subject: 'Line down at the VIP office', createdAt: new Date(Date.now() - 61 * 60_000) });
    requestId = request.id;
    // Started 61 minutes ago against a 60-minute reaction target: the scheduler records the breach at its next sweep.
    await s.app.dataSource.transaction((manager) => new SlaClocks().startClocks(manager, request, { client: { category: 'VIP' } }, new Date(Date.now() - 61 * 60_000)));
    const breaches = await eventually(() => s.app.call('GET', '/api/sla/breaches?state=current', { token: admin }), (response) => response.body.total >= 1);
    expect(breaches.body.items.map((row: { requestId: number; clock: string }) => [row.requestId, row.clock])).toEqual([[requestId, 'reaction']]);

    await s.open('/login');
    await s.signIn('manager', 'manager-demo-1');
    await s.page.getByRole('heading', { name: 'Welcome, Maria Manager' }).waitFor();
  });
  afterAll(() => s?.close());

  it('shows the breach in the breach list and changes the deadline with a reason, refusing a past one next to the field', async () => {
    await s.page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'SLA breaches' }).click();
    await s.page.getByRole('heading', { name: 'SLA breaches' }).waitFor();
    const row = s.page.getByTestId(`breach-${requestId}-reaction`);
    // Queue and topic names fill in when their lists arrive (until then the row shows their ids).
    await row.getByText('Contract processing').waitFor();
    const text = await row.innerText();
    expect(text).toContain(`#${requestId}`);
    expect(text).toContain('reaction');
    expect(text).toContain('breach');
    expect(text).toContain('Contract processing');
    await s.screenshot('manager-breach-list');

    await row.getByRole('button', { name: 'Change the deadline' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'Change the deadline' });
    await dialog.getByLabel('New deadline').fill('2020-01-01T10:00');
    await dialog.getByLabel('Reason').fill('The customer asked to wait');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.locator('.ant-form-item', { has: s.page.getByText('New deadline') }).getByText('must be later than now').waitFor();

    const tomorrow = new Date(Date.now() + 24 * 3_600_000);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await dialog.getByLabel('New deadline').fill(local);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const journal = await s.app.dataSource.query("SELECT action FROM audit_entries WHERE entityType = 'request' AND entityId = ? AND action = 'sla.deadline'", [String(requestId)]);
    expect(journal).toHaveLength(1);
  });

  it('draws the dashboard: backlog, age, breaches and workload of every queue', async () => {
    await s.page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Dashboard' }).click();
    await s.page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const breaches = s.page.getByRole('list', { name: 'Breaches by queue (30 days)' });
    await breaches.getByRole('listitem', { name: 'Contract processing: 1' }).waitFor();
    await s.page.getByRole('list', { name: 'Backlog by queue' }).getByRole('listitem', { name: 'Contract processing: 1' }).waitFor();
    await s.page.getByRole('list', { name: 'Open requests by age' }).getByRole('listitem', { name: '1–3 days: 0' }).waitFor();
    await s.screenshot('manager-dashboard');
  });
});
