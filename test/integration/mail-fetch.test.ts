import { fetchNewMail, type FetchLimits, type ImapAccount } from '../../server/src/intake/mail-fetch';
import { ImapServer } from '../helpers/imap-server';
import { composeMail } from '../helpers/mail-messages';

const LIMITS: FetchLimits = { maxMessageBytes: 4096, maxBatchBytes: 1 << 20, maxMessages: 50, timeoutMs: 10_000 };

describe('reading new mail from a real IMAP server (Dovecot)', () => {
  let imap: ImapServer;
  let account: ImapAccount;
  const message = (subject: string, text = subject) => composeMail({ from: 'anna@client.example', to: 'desk@docket.example', subject, text, messageId: `<${subject.replace(/\W/g, '')}@client.example>` });

  beforeAll(async () => {
    imap = await ImapServer.start();
    account = { host: imap.account.host, port: imap.account.port, tls: false, username: imap.account.user, password: imap.account.password, folder: 'INBOX' };
  });
  afterAll(() => imap?.stop());

  it('reads an empty folder, then only what arrived after the last UID, leaving the server’s flags alone', async () => {
    const empty = await fetchNewMail(account, { uidValidity: null, lastUid: 0 }, LIMITS);
    expect(empty).toEqual({ uidValidity: expect.stringMatching(/^\d+$/), messages: [], more: false });
    const [first, second] = await imap.deliver([await message('First'), await message('Second')]);
    const all = await fetchNewMail(account, { uidValidity: empty.uidValidity, lastUid: 0 }, LIMITS);
    expect(all.messages.map((fetched) => [fetched.uid, fetched.messageId])).toEqual([
      [first, '<First@client.example>'],
      [second, '<Second@client.example>'],
    ]);
    expect(all.messages[0].source?.toString()).toContain('Subject: First');
    const after = await fetchNewMail(account, { uidValidity: all.uidValidity, lastUid: second }, LIMITS);
    expect(after.messages).toEqual([]);
    const client = await imap.client();
    try {
      await client.mailboxOpen('INBOX', { readOnly: true });
      const flags = await client.fetchAll('1:*', { flags: true });
      // Still unseen: a person reading the same mailbox in a mail client loses nothing to Docket.
      expect(flags.map((fetched) => fetched.flags?.has('\\Seen'))).toEqual([false, false]);
    } finally {
      await client.logout();
    }
  });

  it('reads the whole folder again when UIDVALIDITY is not the one it stopped under', async () => {
    const fresh = await fetchNewMail(account, { uidValidity: '1', lastUid: 999 }, LIMITS);
    expect(fresh.messages.map((fetched) => fetched.messageId)).toEqual(['<First@client.example>', '<Second@client.example>']);
  });

  it('lists a message over the limit without downloading it, and stops at the batch budget', async () => {
    const start = await fetchNewMail(account, { uidValidity: null, lastUid: 0 }, LIMITS);
    const lastUid = Math.max(...start.messages.map((fetched) => fetched.uid));
    const [big, small, later] = await imap.deliver([await message('Big', 'x'.repeat(10_000)), await message('Small'), await message('Later')]);
    const batch = await fetchNewMail(account, { uidValidity: start.uidValidity, lastUid }, { ...LIMITS, maxMessages: 2 });
    expect(batch.messages.map((fetched) => [fetched.uid, fetched.source === null])).toEqual([
      [big, true],
      [small, false],
    ]);
    expect(batch.messages[0].size).toBeGreaterThan(LIMITS.maxMessageBytes);
    expect(batch.more).toBe(true);
    const rest = await fetchNewMail(account, { uidValidity: start.uidValidity, lastUid: small }, LIMITS);
    expect(rest).toMatchObject({ messages: [{ uid: later }], more: false });
  });

  it('fails with the server’s refusal when the password is wrong', async () => {
    await expect(fetchNewMail({ ...account, password: 'wrong' }, { uidValidity: null, lastUid: 0 }, LIMITS)).rejects.toThrow();
  });
});
