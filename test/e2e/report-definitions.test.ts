import { Workbook } from 'exceljs';
import { ScheduledJob } from '../../server/src/scheduler/entities/scheduled-job.entity';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { eventually } from '../helpers/poll';
import { ReceivedMail, SmtpSink } from '../helpers/smtp-sink';
import { insertRequest } from '../integration/sla-fixtures';

const ALPHA_NAME = 'Alpha <script>alert(1)</script>';
const BETA_NAME = '=HYPERLINK("http://evil","Beta")';
const OPEN_BY_QUEUE = { dataset: 'requests', open: true, groupBy: ['queue'], measures: ['count'] };

/** The attached file of a mail as nodemailer writes it (a base64 MIME part), by its file name's ending. */
function attachmentOf(mail: ReceivedMail, extension: string): { filename: string; content: Buffer } | undefined {
  for (const part of mail.raw.split(/\r?\n--/)) {
    const [head, ...body] = part.split(/\r?\n\r?\n/);
    const filename = /filename="?([^";\r\n]+)"?/i.exec(head)?.[1];
    if (filename?.endsWith(extension) && /content-transfer-encoding:\s*base64/i.test(head)) return { filename, content: Buffer.from(body.join('').replace(/\s+/g, ''), 'base64') };
  }
  return undefined;
}

async function sheetRows(content: ArrayBuffer | Buffer): Promise<unknown[][]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(content as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe.each(testDatabases())('reports defined as data, through the API on %s', (database) => {
  let t: TestApp;
  let smtp: SmtpSink;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};

  const user = async (login: string, roleCodes: string[]) => {
    const created = await t.call('POST', '/api/users', { token: tokens.admin, body: { login, name: `User ${login}`, email: `${login}@example.com`, password: `${login}-password-1`, roleCodes } });
    expect(created.status).toBe(201);
    ids[login] = created.body.id;
    tokens[login] = await t.loginAs(login, `${login}-password-1`);
  };
  const download = async (token: string, path: string) => {
    const response = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), bytes: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    smtp = await SmtpSink.onFreePort();
    await smtp.start();
    t = await startTestApp(database, { DOCKET_SMTP_URL: smtp.url, DOCKET_SWEEP_CRON: '* * * * * *', DOCKET_MAIL_DOMAIN: 'docket.test' });
    tokens.admin = await t.loginAs('admin', t.adminPassword);
    ids.ALPHA = (await t.call('POST', '/api/queues', { token: tokens.admin, body: { code: 'ALPHA', name: ALPHA_NAME } })).body.id;
    ids.BETA = (await t.call('POST', '/api/queues', { token: tokens.admin, body: { code: 'BETA', name: BETA_NAME } })).body.id;
    expect((await t.call('POST', '/api/roles', { token: tokens.admin, body: { code: 'lead', name: 'Team lead', permissions: ['reports.read', 'requests.read'] } })).status).toBe(201);
    await user('mira', ['manager']);
    await user('lena', ['lead']);
    expect((await t.call('PUT', `/api/queues/${ids.ALPHA}/people`, { token: tokens.admin, body: { memberIds: [ids.lena], workgroupIds: [], administratorIds: [] } })).status).toBe(200);
    const now = Date.now();
    for (const queueId of [ids.ALPHA, ids.ALPHA, ids.BETA]) await insertRequest(t.dataSource.manager, { queueId, createdAt: new Date(now - 3_600_000), updatedAt: new Date(now) });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('names the fields report conditions may use: request fields, and only the attributes shown to the caller', async () => {
    const topic = (await t.call('POST', '/api/topics', { token: tokens.admin, body: { code: 'REPORTED', name: 'Reported', kind: 'topic' } })).body.id;
    for (const [code, name, hidden] of [['REGION', 'Region', false], ['SECRET', 'Secret', true]] as const) {
      const attribute = await t.call('POST', '/api/attributes', { token: tokens.admin, body: { code, name, valueType: 'string', hidden } });
      expect((await t.call('POST', `/api/topics/${topic}/attributes`, { token: tokens.admin, body: { attributeId: attribute.body.id } })).status).toBe(201);
    }
    const fieldsOf = async (token: string) => (await t.call('GET', '/api/reports/fields', { token })).body;
    const lead = await fieldsOf(tokens.lena);
    expect(lead.requestFields).toEqual(expect.arrayContaining(['status', 'priority', 'queueId', 'subject', 'createdAt']));
    expect(lead.attributes).toEqual([{ field: 'attr.REGION', name: 'Region', valueType: 'string' }]);
    // A reader of every queue may count by any attribute, as the report runner lets them.
    expect((await fieldsOf(tokens.mira)).attributes.map((attribute: { field: string }) => attribute.field)).toEqual(['attr.REGION', 'attr.SECRET']);
  });

  it('offers the built-in reports and lets a manager define one, refusing bad definitions with their path', async () => {
    const listed = await t.call('GET', '/api/reports/definitions', { token: tokens.lena });
    expect(listed.status).toBe(200);
    expect(listed.body.filter((report: { builtIn: boolean }) => report.builtIn).map((report: { code: string }) => report.code).sort()).toEqual(['backlog-ageing', 'by-operator', 'by-topic', 'repeat-requests', 'sla-breaches', 'staff-performance']);

    const bad = await t.call('POST', '/api/reports/definitions', { token: tokens.mira, body: { code: 'bad', name: 'Bad', definition: { dataset: 'requests', groupBy: ['colour'], measures: ['count'] } } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'invalid_report', message: expect.any(String), details: [{ path: 'definition.groupBy.0', message: expect.any(String) }] });
    const unknownFields = { ...OPEN_BY_QUEUE, where: [{ field: 'priority', op: 'eq', value: 1 }, { field: 'colour', op: 'eq', value: 'red' }, { field: 'attr.NO_SUCH_ATTRIBUTE', op: 'isNull' }] };
    const unknown = await t.call('POST', '/api/reports/definitions', { token: tokens.mira, body: { code: 'unknown', name: 'Unknown', definition: unknownFields } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'invalid_report', details: [{ path: 'definition.where.1.field', message: 'unknown field "colour"' }, { path: 'definition.where.2.field', message: 'unknown field "attr.NO_SUCH_ATTRIBUTE"' }] });
    expect((await t.call('POST', '/api/reports/definitions', { token: tokens.lena, body: { code: 'mine', name: 'Mine', definition: OPEN_BY_QUEUE } })).status).toBe(403);

    const created = await t.call('POST', '/api/reports/definitions', { token: tokens.mira, body: { code: 'open-by-queue', name: 'Open by queue', definition: OPEN_BY_QUEUE } });
    expect(created.status).toBe(201);
    ids.report = created.body.id;
    expect((await t.call('POST', '/api/reports/definitions', { token: tokens.mira, body: { code: 'open-by-queue', name: 'Again', definition: OPEN_BY_QUEUE } })).status).toBe(409);
    const builtInId = listed.body.find((report: { code: string }) => report.code === 'by-topic').id;
    expect((await t.call('PUT', `/api/reports/definitions/${builtInId}`, { token: tokens.mira, body: { name: 'Mine now' } })).body.code).toBe('built_in');
    const renamed = await t.call('PUT', `/api/reports/definitions/${ids.report}`, { token: tokens.mira, body: { name: 'Open requests by queue' } });
    expect(renamed.body).toMatchObject({ name: 'Open requests by queue', definition: OPEN_BY_QUEUE });
    const unknownUpdate = await t.call('PUT', `/api/reports/definitions/${ids.report}`, { token: tokens.mira, body: { definition: unknownFields } });
    expect(unknownUpdate.body.details).toEqual([expect.objectContaining({ path: 'definition.where.1.field' }), expect.objectContaining({ path: 'definition.where.2.field' })]);
    expect((await t.call('GET', '/api/reports/definitions', { token: tokens.mira })).body.find((report: { id: number }) => report.id === ids.report).definition).toEqual(OPEN_BY_QUEUE);
  });

  it('runs a report over every queue for a manager and over their own queue only for a queue member', async () => {
    const all = await t.call('GET', `/api/reports/definitions/${ids.report}/run`, { token: tokens.mira });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ scope: 'all', truncated: false, columns: [{ key: 'queue', label: 'Queue', kind: 'dimension' }, { key: 'count', label: 'Count', kind: 'measure' }] });
    expect(all.body.rows).toEqual([
      { queueId: ids.ALPHA, queue: ALPHA_NAME, count: 2 },
      { queueId: ids.BETA, queue: BETA_NAME, count: 1 },
    ]);
    const own = await t.call('GET', `/api/reports/definitions/${ids.report}/run`, { token: tokens.lena });
    expect(own.body).toMatchObject({ scope: 'mine', rows: [{ queueId: ids.ALPHA, count: 2 }] });
    expect(own.body.rows).toHaveLength(1);
    const adHoc = await t.call('POST', '/api/reports/run', { token: tokens.lena, body: { definition: { dataset: 'requests', groupBy: ['queue', 'status'], measures: ['count', 'open'] } } });
    expect(adHoc.status).toBe(200);
    expect(adHoc.body.rows.map((row: { queueId: number }) => row.queueId)).toEqual([ids.ALPHA]);
    const csv = await download(tokens.lena, `/api/reports/definitions/${ids.report}/export?format=csv`);
    expect(csv.bytes.toString('utf8')).not.toContain('Beta');
    expect((await t.call('POST', '/api/reports/run', { token: tokens.lena, body: { definition: { dataset: 'requests', groupBy: [], measures: ['nothing'] } } })).body.code).toBe('invalid_report');
  });

  it('exports xlsx, CSV (BOM, quoting, formulas neutralised) and HTML (escaped), refusing an unknown format', async () => {
    const xlsx = await download(tokens.mira, `/api/reports/definitions/${ids.report}/export?format=xlsx`);
    expect(xlsx).toMatchObject({ status: 200, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(xlsx.disposition).toMatch(/^attachment; filename="open-by-queue-\d{8}-\d{4}\.xlsx"/);
    expect(await sheetRows(xlsx.bytes)).toEqual([
      ['Queue', 'Count'],
      [ALPHA_NAME, 2],
      [BETA_NAME, 1],
    ]);

    const csv = await download(tokens.mira, `/api/reports/definitions/${ids.report}/export?format=csv`);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.bytes.toString('utf8').slice(1)).toBe(`Queue,Count\r\n${ALPHA_NAME},2\r\n"'=HYPERLINK(""http://evil"",""Beta"")",1\r\n`);

    const html = (await download(tokens.mira, `/api/reports/definitions/${ids.report}/export?format=html`)).bytes.toString('utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<td>Alpha &lt;script&gt;alert(1)&lt;/script&gt;</td>');

    const unknown = await t.call('GET', `/api/reports/definitions/${ids.report}/export?format=pdf`, { token: tokens.mira });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].path).toBe('format');
  });

  it('mails a scheduled report with its file attached once per occurrence, never twice for a replayed timer', async () => {
    const badCron = await t.call('POST', '/api/reports/schedules', { token: tokens.mira, body: { definitionId: ids.report, format: 'xlsx', recipients: ['boss@example.com'], cron: '0 0 7 * * *' } });
    expect(badCron.body).toMatchObject({ code: 'invalid_schedule', details: [{ path: 'cron' }] });
    const badZone = await t.call('POST', '/api/reports/schedules', { token: tokens.mira, body: { definitionId: ids.report, format: 'xlsx', recipients: ['boss@example.com'], cron: '0 7 * * *', timeZone: 'Mars/Olympus' } });
    expect(badZone.body).toMatchObject({ code: 'invalid_schedule', details: [{ path: 'timeZone' }] });

    const created = await t.call('POST', '/api/reports/schedules', { token: tokens.mira, body: { definitionId: ids.report, format: 'xlsx', recipients: ['boss@example.com', 'Deputy@Example.com'], cron: '0 7 * * *', timeZone: 'Europe/Moscow' } });
    expect(created.status).toBe(201);
    const schedule = created.body;
    // 07:00 in Moscow is 04:00 UTC.
    expect(schedule).toMatchObject({ recipients: ['boss@example.com', 'deputy@example.com'], nextRunAt: expect.stringMatching(/T04:00:00\.000Z$/) });
    expect((await t.call('GET', '/api/reports/schedules', { token: tokens.mira })).body.map((row: { id: number }) => row.id)).toEqual([schedule.id]);

    const jobs = t.dataSource.getRepository(ScheduledJob);
    const pending = () => jobs.findOneByOrFail({ kind: 'report.schedule', subjectId: schedule.id, state: 'pending' });
    // The timer is brought forward; it still stands for its occurrence, which the mail's event key names.
    const first = await pending();
    await jobs.update({ id: first.id }, { dueAt: new Date() });
    const delivered = await eventually(() => smtp.received.length, (count) => count >= 2);
    expect(delivered).toBe(2);
    expect(smtp.received.flatMap((mail) => mail.to).sort()).toEqual(['boss@example.com', 'deputy@example.com']);
    for (const mail of smtp.received) {
      expect(mail.header('Subject')).toBe('Report: Open requests by queue');
      const file = attachmentOf(mail, '.xlsx');
      expect(file?.filename).toMatch(/^open-by-queue-\d{8}-0400\.xlsx$/);
      expect(await sheetRows(file!.content)).toEqual([
        ['Queue', 'Count'],
        [ALPHA_NAME, 2],
        [BETA_NAME, 1],
      ]);
    }
    const second = await pending();
    const occurrence = (job: ScheduledJob) => String(job.payload?.occurrence);
    expect(Date.parse(occurrence(second)) - Date.parse(occurrence(first))).toBe(86_400_000);
    expect((await t.call('GET', '/api/reports/schedules', { token: tokens.mira })).body[0]).toMatchObject({ lastRunAt: occurrence(first), nextRunAt: occurrence(second) });

    // The same timer again (a process that died before its lease ran out, say): the schedule expects the next occurrence now.
    await jobs.update({ id: first.id }, { state: 'pending', dueAt: new Date(), owner: null, leaseUntil: null, finishedAt: null });
    await eventually(() => jobs.findOneByOrFail({ id: first.id }), (job) => job.state === 'done');
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(smtp.received).toHaveLength(2);

    // The next occurrence is mailed too, as mails of their own.
    await jobs.update({ id: second.id }, { dueAt: new Date() });
    await eventually(() => smtp.received.length, (count) => count >= 4);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(smtp.received).toHaveLength(4);
    expect([...smtp.countsByMessageId().values()]).toEqual([1, 1, 1, 1]);
    expect(attachmentOf(smtp.received[3], '.xlsx')).toBeDefined();
    // The files go once every mail of their occurrence is sent.
    const left = await eventually(async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM outbox_attachments'))[0].n), (count) => count === 0);
    expect(left).toBe(0);
  });

  it("runs each occurrence with its owner's permissions as they are then, and sends nothing for a deactivated owner", async () => {
    const jobs = t.dataSource.getRepository(ScheduledJob);
    const [schedule] = (await t.call('GET', '/api/reports/schedules', { token: tokens.mira })).body;
    const fireNext = async () => {
      const job = await jobs.findOneByOrFail({ kind: 'report.schedule', subjectId: schedule.id, state: 'pending' });
      await jobs.update({ id: job.id }, { dueAt: new Date() });
      await eventually(() => jobs.findOneByOrFail({ id: job.id }), (found) => found.state === 'done');
    };
    const before = smtp.received.length;
    // Mira keeps reading reports but only as a member of ALPHA: the next file holds ALPHA's row alone.
    expect((await t.call('PATCH', `/api/users/${ids.mira}`, { token: tokens.admin, body: { roleCodes: ['lead'] } })).status).toBe(200);
    expect((await t.call('PUT', `/api/queues/${ids.ALPHA}/people`, { token: tokens.admin, body: { memberIds: [ids.lena, ids.mira], workgroupIds: [], administratorIds: [] } })).status).toBe(200);
    await fireNext();
    await eventually(() => smtp.received.length, (count) => count >= before + 2);
    expect(await sheetRows(attachmentOf(smtp.received.at(-1)!, '.xlsx')!.content)).toEqual([
      ['Queue', 'Count'],
      [ALPHA_NAME, 2],
    ]);

    // Deactivated, she sends nothing more; the recurrence goes on.
    expect((await t.call('PATCH', `/api/users/${ids.mira}`, { token: tokens.admin, body: { active: false } })).status).toBe(200);
    await fireNext();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(smtp.received).toHaveLength(before + 2);
    expect(await jobs.countBy({ kind: 'report.schedule', subjectId: schedule.id, state: 'pending' })).toBe(1);
  });
});
