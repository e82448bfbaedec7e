import { readFileSync } from 'node:fs';
import { BrowserSession, startBrowserSession } from '../helpers/browser';
import { eventually } from '../helpers/poll';
import { insertRequest } from '../integration/sla-fixtures';

/** The administrator runs a built-in report, downloads it, defines a report of their own and mails it weekly. */
describe('the reports page', () => {
  let s: BrowserSession;

  beforeAll(async () => {
    s = await startBrowserSession();
    const admin = await s.app.loginAs('admin', s.app.adminPassword);
    const queue = await s.app.call('POST', '/api/queues', { token: admin, body: { code: 'FIELD', name: 'Field service' } });
    expect(queue.status).toBe(201);
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const subject of ['Meter broken', 'Cable cut']) await insertRequest(s.app.dataSource.manager, { queueId: queue.body.id, subject, createdAt: hourAgo, updatedAt: hourAgo });
    await s.signInAsAdmin();
    await s.page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Reports' }).click();
    await s.page.getByRole('heading', { name: 'Reports' }).waitFor();
  });
  afterAll(() => s?.close());

  it('runs the backlog report as a table and bars, and downloads it as CSV', async () => {
    await s.page.getByTestId('report-backlog-ageing').click();
    await s.page.getByRole('list', { name: 'Count by Age' }).getByRole('listitem', { name: 'day: 2' }).waitFor();
    expect(await s.page.getByTestId('report-table').getByRole('row').nth(1).innerText()).toMatch(/^day\s+2\s+1(\.\d+)?$/);
    const download = s.page.waitForEvent('download');
    await s.page.getByRole('button', { name: 'Download CSV' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^backlog-ageing-\d{8}-\d{4}\.csv$/);
    expect(readFileSync((await saved.path())!, 'utf8')).toMatch(/^\uFEFFAge,Count,Average age \(hours\)\r\nday,2,1(\.\d+)?\r\n$/);
  });

  it('counts only the requests meeting the report’s conditions within its fixed days, and edits them again', async () => {
    await s.page.getByRole('button', { name: 'New report' }).click();
    const form = s.page.getByRole('dialog', { name: 'New report' });
    await form.getByLabel('Code', { exact: true }).fill('meters-today');
    await form.getByLabel('Name', { exact: true }).fill('Meters today');
    await form.getByLabel('Period on').click();
    await s.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^createdAt$/ }).click();
    const today = new Date();
    const day = [today.getFullYear(), today.getMonth() + 1, today.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
    // Today as the first and the last day: picked from the calendar, as a user does.
    // A click landing while the calendar is still opening is dropped, as for lists: each is clicked until it shows.
    await form.getByPlaceholder('Start date').click();
    const todayCell = s.page.locator('.ant-picker-dropdown .ant-picker-cell-today').first();
    for (const placeholder of ['Start date', 'End date']) {
      const value = () => form.getByPlaceholder(placeholder).inputValue();
      for (let attempt = 1; attempt <= 4 && (await value()) !== day; attempt++) {
        await todayCell.click();
        await eventually(value, (shown) => shown === day, 3_000);
      }
      expect(await value()).toBe(day);
    }
    await form.getByRole('button', { name: 'Add condition' }).click();
    // Each choice taken from the list the server offers, and seen taken before the next: an open list must not
    // swallow the click meant for the next control.
    const option = (text: string) => s.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: new RegExp(`^${text}$`) });
    await form.getByLabel('Condition 1 field').fill('subject');
    await option('subject').click();
    await form.getByLabel('Condition 1 operator').click();
    await option('contains').click();
    await option('contains').waitFor({ state: 'hidden' });
    await form.getByLabel('Condition 1 value').fill('Meter');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });
    await s.page.getByRole('list', { name: 'Count by Queue' }).getByRole('listitem', { name: 'Field service: 1' }).waitFor();
    const [stored] = await s.app.dataSource.query("SELECT definition FROM report_definitions WHERE code = 'meters-today'");
    const definition = JSON.parse(stored.definition);
    expect(definition.where).toEqual([{ field: 'subject', op: 'contains', value: 'Meter' }]);
    const midnight = new Date(today.getFullYear(), today.getMonth(), today.getDate());
    expect(definition.period).toEqual({ field: 'createdAt', from: midnight.toISOString(), to: new Date(midnight.getTime() + 86_400_000).toISOString() });

    await s.page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = s.page.getByRole('dialog', { name: 'Edit report' });
    expect(await edit.getByLabel('Condition 1 value').inputValue()).toBe('Meter');
    expect(await edit.getByPlaceholder('Start date').inputValue()).toBe(day);
    await edit.getByRole('button', { name: 'Remove condition 1' }).click();
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'hidden' });
    await s.page.getByRole('list', { name: 'Count by Queue' }).getByRole('listitem', { name: 'Field service: 2' }).waitFor();
  });

  it('defines a report of its own, runs it, and schedules it by e-mail', async () => {
    await s.page.getByRole('button', { name: 'New report' }).click();
    const form = s.page.getByRole('dialog', { name: 'New report' });
    await form.getByLabel('Code', { exact: true }).fill('open-by-queue');
    await form.getByLabel('Name', { exact: true }).fill('Open by queue');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });
    await s.page.getByRole('list', { name: 'Count by Queue' }).getByRole('listitem', { name: 'Field service: 2' }).waitFor();

    await s.page.getByRole('button', { name: 'Schedule by e-mail' }).click();
    const schedule = s.page.getByRole('dialog', { name: 'Schedule by e-mail' });
    await schedule.getByLabel('Recipients').fill('boss@example.com');
    await schedule.getByLabel('Recipients').press('Enter');
    await schedule.getByLabel('Time zone').fill('Europe/Moscow');
    await schedule.getByRole('button', { name: 'Save' }).click();
    await schedule.waitFor({ state: 'hidden' });
    const listed = s.page.getByTestId('report-schedules');
    await listed.getByText('boss@example.com').waitFor();
    expect(await listed.innerText()).toContain('0 7 * * 1');
    const rows = await s.app.dataSource.query('SELECT cron, timeZone, recipients FROM report_schedules');
    expect(rows).toEqual([{ cron: '0 7 * * 1', timeZone: 'Europe/Moscow', recipients: '["boss@example.com"]' }]);
    await s.screenshot('reports-page');
  });
});
