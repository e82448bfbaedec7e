import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Attachment } from '../../server/src/attachments/attachment.entity';
import { AuditEntry } from '../../server/src/audit/audit-entry.entity';
import { ScheduledJob } from '../../server/src/scheduler/entities/scheduled-job.entity';
import { scheduleJob } from '../../server/src/scheduler/job-runner';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { Desk, setUpDesk } from '../helpers/desk';
import { upload } from '../helpers/multipart';
import { eventually } from '../helpers/poll';

const DAY = 86_400_000;

describe.each(testDatabases())('purging deleted attachments on %s', (database) => {
  let t: TestApp;
  let desk: Desk;
  let dir: string;
  let requestId: number;
  const attach = async (path: string, name: string) => (await upload(t.url, path, desk.tokens.olga, { name, type: 'text/plain', content: Buffer.from(`contents of ${name}\n`) })).body.id as number;
  const row = (id: number) => t.dataSource.getRepository(Attachment).findOneBy({ id });
  const bytesOf = async (id: number) => existsSync(join(dir, (await row(id))!.storageKey));
  const deletedDaysAgo = (id: number, days: number) => t.dataSource.getRepository(Attachment).update({ id }, { deletedAt: new Date(Date.now() - days * DAY) });
  /** What the daily timer does, due now: the running server's scheduler picks it up. */
  const runPurge = async (key: string) => {
    await t.dataSource.transaction((manager) => scheduleJob(manager, { kind: 'attachments.purge', dueAt: new Date(), dedupeKey: key }, new Date()));
    const job = await eventually(() => t.dataSource.getRepository(ScheduledJob).findOneByOrFail({ dedupeKey: key }), (found) => found.state !== 'pending' && found.state !== 'running');
    expect(job.state).toBe('done');
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'docket-purge-'));
    t = await startTestApp(database, { DOCKET_ATTACHMENTS_DIR: dir, DOCKET_ATTACHMENT_PURGE_AFTER_DAYS: '10', DOCKET_SWEEP_CRON: '* * * * * *' });
    desk = await setUpDesk(() => t);
    requestId = (await desk.newRequest('olga', 'FIRST', 'Printer jams')).id;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('erases the bytes and rows of files deleted longer ago than the retention, keeps the rest, journals each', async () => {
    const [old, recent, live] = [await attach(`/api/requests/${requestId}/attachments`, 'old.txt'), await attach(`/api/requests/${requestId}/attachments`, 'recent.txt'), await attach(`/api/requests/${requestId}/attachments`, 'live.txt')];
    for (const id of [old, recent]) await desk.api.ok('olga', 'DELETE', `/api/requests/${requestId}/attachments/${id}`, undefined, 204);
    const oldKey = (await row(old))!.storageKey;
    await deletedDaysAgo(old, 11);
    await deletedDaysAgo(recent, 9);

    await runPurge('purge-1');

    expect(await row(old)).toBeNull();
    expect(existsSync(join(dir, oldKey))).toBe(false);
    expect([await bytesOf(recent), await bytesOf(live)]).toEqual([true, true]);
    const purged = await t.dataSource.getRepository(AuditEntry).findBy({ entityType: 'request', entityId: String(requestId), action: 'attachment.purge' });
    expect(purged.map((entry) => entry.changes)).toEqual([[{ field: 'attachment', old: expect.objectContaining({ id: old, fileName: 'old.txt' }), new: null }]]);
    // The next sweep is tomorrow's.
    expect(await t.dataSource.getRepository(ScheduledJob).countBy({ kind: 'attachments.purge', state: 'pending' })).toBeGreaterThanOrEqual(1);
  });

  it('deletes a removed client\'s files with it, out of search, and purges them after the retention', async () => {
    const clientId = (await desk.api.ok('olga', 'POST', '/api/clients', { kind: 'company', name: 'Mistaken Ltd' }, 201)).id as number;
    const file = await attach(`/api/clients/${clientId}/attachments`, 'contract.txt');
    await desk.api.ok('admin', 'DELETE', `/api/clients/${clientId}`, undefined, 204);
    expect(await row(file)).toMatchObject({ deletedAt: expect.any(Date) });
    expect(Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM search_documents WHERE ownerType = 'attachment' AND ownerId = ?", [file]))[0].n)).toBe(0);
    const [removal] = await t.dataSource.getRepository(AuditEntry).findBy({ entityType: 'client', entityId: String(clientId), action: 'delete' });
    expect(removal.changes).toContainEqual({ field: 'attachments', old: [file], new: null });

    await deletedDaysAgo(file, 30);
    await runPurge('purge-2');
    expect(await row(file)).toBeNull();
  });
});
