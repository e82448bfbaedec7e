import { BrowserSession, chooseOption, startBrowserSession } from '../helpers/browser';
import { ImapServer } from '../helpers/imap-server';
import { composeMail } from '../helpers/mail-messages';
import { eventually } from '../helpers/poll';

/**
 * E-mail intake's mailboxes in the console, against a real Dovecot: an administrator adds a mailbox in the
 * intake settings, polls it at once, and reads what its waiting mail became.
 */
describe('mailboxes in the console', () => {
  let s: BrowserSession;
  let imap: ImapServer;

  beforeAll(async () => {
    imap = await ImapServer.start();
    s = await startBrowserSession({ DOCKET_SWEEP_CRON: '* * * * * *' });
    const admin = await s.app.loginAs('admin', s.app.adminPassword);
    const created = async (path: string, body: Record<string, unknown>) => {
      const answer = await s.app.call('POST', path, { token: admin, body });
      expect(answer.status).toBe(201);
    };
    await created('/api/topics', { code: 'MAIL', name: 'Mail from customers', kind: 'topic' });
    await created('/api/queues', { code: 'INBOX_Q', name: 'Mail queue' });
    await imap.deliver([await composeMail({ from: 'stranger@example.com', to: 'desk@example.com', subject: 'Printer on fire', text: 'Please come quickly.' })]);
  });
  afterAll(async () => {
    await s?.close();
    await imap?.stop();
  });

  it('adds a mailbox, polls it at once and lists what its mail became', async () => {
    const { page } = s;
    await s.signInAsAdmin();
    await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Intake settings' }).click();
    await page.getByRole('tab', { name: 'Mailboxes' }).click();
    await page.getByRole('button', { name: 'New mailbox' }).click();
    const dialog = page.getByRole('dialog', { name: 'New mailbox' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Fill in this field').first().waitFor();
    const { host, port, user, password } = imap.account;
    await dialog.getByLabel('Code').fill('SUPPORT');
    await dialog.getByLabel('Name').fill('Support inbox');
    await dialog.getByLabel('IMAP server').fill(host);
    await dialog.getByLabel('Port').fill(String(port));
    await dialog.getByLabel('TLS').click();
    await dialog.getByLabel('Account').fill(user);
    await dialog.getByLabel('Password').fill(password);
    await dialog.getByLabel('Topic of new requests').fill('MAIL');
    await chooseOption(page.locator('.ant-select-item-option', { hasText: 'Mail from customers' }), dialog.getByTitle('MAIL — Mail from customers'));
    await dialog.getByLabel('Queue (for a topic without a route)').fill('INBOX_Q');
    await chooseOption(page.locator('.ant-select-item-option', { hasText: 'Mail queue' }), dialog.getByTitle('INBOX_Q — Mail queue'));
    await dialog.getByLabel('Registered as').fill('admin');
    await chooseOption(page.locator('.ant-select-item-option', { hasText: '(admin)' }), dialog.getByTitle(/\(admin\)$/));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.waitForTimeout(3000);
    await s.screenshot('debug-mailbox');
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row', { name: /SUPPORT/ });
    expect(await row.innerText()).toContain(`${user}@${host}:${port} / INBOX`);
    await row.getByRole('button', { name: 'Poll now' }).click();
    await page.getByText('Mailbox SUPPORT will be polled within seconds').waitFor();
    const [request] = await eventually(() => s.app.dataSource.query("SELECT id FROM requests WHERE subject = 'Printer on fire'"), (rows: unknown[]) => rows.length === 1);

    await row.getByRole('button', { name: 'Messages' }).click();
    const messages = page.getByRole('dialog', { name: 'Latest messages of SUPPORT' });
    await messages.getByText('a request').waitFor();
    await messages.getByRole('link', { name: `#${(request as { id: number }).id}` }).waitFor();
    await s.screenshot('intake-mailboxes');
  });
});
