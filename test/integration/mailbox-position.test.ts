import type { DataSource } from 'typeorm';
import { User } from '../../server/src/auth/entities/user.entity';
import { Mailbox } from '../../server/src/intake/entities/mailbox.entity';
import { advanceMailbox } from '../../server/src/intake/mailbox-position';
import { TopicNode } from '../../server/src/topics/entities/topic-node.entity';
import { migratedScratchDatabase, ScratchDatabase, testDatabases } from '../helpers/databases';

/** Where polling of a mailbox stands, on both databases: MariaDB evaluates SET left to right, SQLite on old values. */
describe.each(testDatabases())('a mailbox position on %s', (database) => {
  let scratch: ScratchDatabase;
  let dataSource: DataSource;
  let mailboxId: number;

  const position = async () => (await dataSource.query('SELECT uidValidity, lastUid FROM mailboxes WHERE id = ?', [mailboxId])).map((row: { uidValidity: string; lastUid: number | string }) => ({ uidValidity: row.uidValidity, lastUid: Number(row.lastUid) }))[0];

  beforeAll(async () => {
    ({ scratch, dataSource } = await migratedScratchDatabase(database));
    const now = new Date();
    const user = await dataSource.getRepository(User).save({ login: 'mailer', name: 'Mailer', email: null, passwordHash: 'x', active: true, locale: 'en', timeZone: 'UTC', partnerId: null, clientId: null, contactPersonId: null, createdAt: now, updatedAt: now });
    const topic = await dataSource.getRepository(TopicNode).save({ code: 'MAIL', name: 'Mail', description: null, kind: 'topic', parentId: null, active: true, sortOrder: 0 });
    const mailbox = await dataSource.getRepository(Mailbox).save({ code: 'BOX', name: 'Box', host: 'localhost', port: 993, tls: true, username: 'u', password: 'p', folder: 'INBOX', active: true, topicId: topic.id, queueId: null, channelId: null, directionId: null, operatorId: user.id, pollSeconds: 60, uidValidity: 'old', lastUid: 500, lastPolledAt: null, lastError: null, createdAt: now, updatedAt: now });
    mailboxId = mailbox.id;
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await scratch?.drop();
  });

  it('never moves back within one UIDVALIDITY', async () => {
    await advanceMailbox(dataSource.manager, { mailboxId, uidValidity: 'old', uid: 420 });
    expect(await position()).toEqual({ uidValidity: 'old', lastUid: 500 });
    await advanceMailbox(dataSource.manager, { mailboxId, uidValidity: 'old', uid: 501 });
    expect(await position()).toEqual({ uidValidity: 'old', lastUid: 501 });
  });

  it('starts over at the new numbering when the server changed its UIDVALIDITY', async () => {
    await advanceMailbox(dataSource.manager, { mailboxId, uidValidity: 'new', uid: 3 });
    expect(await position()).toEqual({ uidValidity: 'new', lastUid: 3 });
    await advanceMailbox(dataSource.manager, { mailboxId, uidValidity: 'new', uid: 2 });
    expect(await position()).toEqual({ uidValidity: 'new', lastUid: 3 });
    await advanceMailbox(dataSource.manager, { mailboxId, uidValidity: 'new', uid: 4 });
    expect(await position()).toEqual({ uidValidity: 'new', lastUid: 4 });
  });
});
