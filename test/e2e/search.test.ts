import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { Desk, setUpDesk } from '../helpers/desk';
import { makeDocx, makePdf, makeXlsx } from '../helpers/documents';
import { upload } from '../helpers/multipart';
import { eventually } from '../helpers/request-data';

describe.each(testDatabases())('search on %s', (database) => {
  let t: TestApp;
  let desk: Desk;
  let dir: string;
  const ids: Record<string, number> = {};
  const search = async (who: string, q: string, extra = '') => {
    const response = await desk.api.as(who, 'GET', `/api/search?q=${encodeURIComponent(q)}${extra}`);
    expect({ q, status: response.status }).toEqual({ q, status: 200 });
    return response.body;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'docket-search-'));
    t = await startTestApp(database, { DOCKET_ATTACHMENTS_DIR: dir });
    desk = await setUpDesk(() => t);
    const printer = await desk.newRequest('olga', 'FIRST', 'Printer jammed with kumquats', '<p>Paper tray full of <b>persimmon</b> peel</p>');
    ids.printer = printer.id;
    ids.comment = (await desk.newComment('olga', printer.id, '<p>Replaced the <i>fuser</i> roller, ask @nina about tamarillo</p>')).id;
    const post = (name: string, type: string, content: Buffer) => upload(t.url, `/api/requests/${printer.id}/attachments`, desk.tokens.olga, { name, type, content });
    for (const [name, type, content] of [
      ['report.pdf', 'application/pdf', makePdf(['Quarterly rambutan figures', 'All good'])],
      ['minutes.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', await makeDocx(['Meeting about mangosteen supply'])],
      ['stock.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await makeXlsx({ Stock: [['fruit', 'count'], ['salak', 7]] })],
    ] as const) {
      const stored = await post(name, type, content);
      expect({ name, status: stored.status, text: stored.body.textStatus }).toEqual({ name, status: 201, text: 'extracted' });
      ids[name] = stored.body.id;
    }
    ids.elsewhere = (await desk.newRequest('nina', 'OTHER', 'Kumquat delivery late')).id;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds a word of a subject, of a description and of a comment, and says where', async () => {
    const subject = await search('olga', 'kumquats');
    expect(subject).toMatchObject({ total: 1, page: 1, items: [{ matchedIn: 'subject', requestId: ids.printer, requestNumber: expect.stringMatching(/^REQ-/), subject: 'Printer jammed with kumquats' }] });
    expect((await search('olga', 'PERSIMMON')).items).toEqual([expect.objectContaining({ matchedIn: 'description', requestId: ids.printer, snippet: expect.stringContaining('persimmon peel') })]);
    expect((await search('olga', 'tamarillo')).items).toEqual([expect.objectContaining({ matchedIn: 'comment', commentId: ids.comment, requestId: ids.printer, snippet: 'Replaced the fuser roller, ask @nina about tamarillo' })]);
  });

  it('finds words inside uploaded PDF, DOCX and XLSX files', async () => {
    for (const [word, file] of [['rambutan', 'report.pdf'], ['mangosteen', 'minutes.docx'], ['salak', 'stock.xlsx']]) {
      const found = await search('olga', word);
      expect({ word, items: found.items }).toEqual({ word, items: [expect.objectContaining({ matchedIn: 'attachment', attachmentId: ids[file], fileName: file, requestId: ids.printer, snippet: expect.stringContaining(word) })] });
    }
  });

  it('matches words as prefixes and requires every word', async () => {
    expect((await search('olga', 'kumq')).total).toBe(1);
    expect((await search('olga', 'printer kumquats')).total).toBe(1);
    expect((await search('olga', 'printer rambutan')).total).toBe(0);
  });

  it('shows only what the caller may read', async () => {
    // Nina works OTHER: she finds her own kumquat request, not olga's, and none of its comments or files.
    expect((await search('nina', 'kumquat')).items.map((item: { requestId: number }) => item.requestId)).toEqual([ids.elsewhere]);
    for (const word of ['tamarillo', 'rambutan', 'persimmon']) expect((await search('nina', word)).total).toBe(0);
    // Olga does not see nina's request either; mark (requests.read.all) sees both.
    expect((await search('olga', 'kumquat')).items.map((item: { requestId: number }) => item.requestId)).toEqual([ids.printer]);
    expect((await search('mark', 'kumquat')).items.map((item: { requestId: number }) => item.requestId).sort()).toEqual([ids.printer, ids.elsewhere].sort());
    // Without requests.read there is no search at all.
    expect((await desk.api.as('ana', 'GET', '/api/search?q=kumquat')).status).toBe(403);
  });

  it('forgets a deleted attachment', async () => {
    expect((await desk.api.as('olga', 'DELETE', `/api/requests/${ids.printer}/attachments/${ids['stock.xlsx']}`)).status).toBe(204);
    expect((await search('olga', 'salak')).total).toBe(0);
  });

  it('extracts a large file just after answering, keeps at most a megabyte of its text, and then finds it', async () => {
    const big = Buffer.concat([Buffer.from('durian '), Buffer.alloc(5 * 1024 * 1024, 'lorem ipsum '), Buffer.from(' jackfruit')]);
    const stored = await upload(t.url, `/api/requests/${ids.printer}/attachments`, desk.tokens.olga, { name: 'big.txt', type: 'text/plain', content: big });
    expect(stored.body).toMatchObject({ textStatus: 'pending', textLength: 0 });
    await eventually(async () => ((await search('olga', 'durian')).total === 1 ? true : undefined), 30_000, 'the large file to be indexed');
    const [row] = await t.dataSource.query('SELECT textStatus, textLength FROM attachments WHERE id = ?', [stored.body.id]);
    expect({ status: row.textStatus, length: Number(row.textLength) }).toEqual({ status: 'truncated', length: expect.any(Number) });
    expect(Number(row.textLength)).toBeLessThanOrEqual(1_000_000);
    expect((await search('olga', 'jackfruit')).total).toBe(0);
  });

  it('treats hostile query text as plain words', async () => {
    const before = Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM requests'))[0].n);
    for (const q of ['"a" OR *', `'; drop table requests; --`, 'kumquats" OR "1"="1', '-kumquats +(<x >y) ~z', 'NEAR(printer kumquats) NOT x', 'subject:kumquats ^printer', '%', '\\', '*', '"', ')', 'AND']) {
      const result = await search('olga', q);
      expect(Array.isArray(result.items)).toBe(true);
    }
    // OR is not an operator: as a word (or a stop word MariaDB drops) it cannot widen the match to zebra-less text.
    expect((await search('olga', '"kumquats" OR "zebra"')).total).toBe(0);
    // An injection never reaches past the caller's access: at most olga's own request comes back.
    expect((await search('olga', 'kumquats" OR "1"="1')).items.every((item: { requestId: number }) => item.requestId === ids.printer)).toBe(true);
    expect((await search('olga', '-kumquats*')).total).toBe(1);
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM requests'))[0].n)).toBe(before);
  });

  it('validates its query and pages its results', async () => {
    expect(await desk.api.as('olga', 'GET', '/api/search')).toMatchObject({ status: 400 });
    expect(await desk.api.as('olga', 'GET', `/api/search?q=${'x'.repeat(201)}`)).toMatchObject({ status: 400 });
    const all = await search('mark', 'kumquat');
    const second = await search('mark', 'kumquat', '&page=2&pageSize=1');
    expect({ total: second.total, items: second.items.length, id: second.items[0].requestId }).toEqual({ total: 2, items: 1, id: all.items[1].requestId });
  });
});
