import { ImapFlow } from 'imapflow';

export interface ImapAccount {
  host: string;
  port: number;
  tls: boolean;
  username: string;
  password: string;
  folder: string;
}

/** Where the last poll stopped: the highest UID handled under a UIDVALIDITY (none yet: null and 0). */
export interface PollPosition {
  uidValidity: string | null;
  lastUid: number;
}

export interface FetchLimits {
  /** A larger message is listed (so the poll can move past it) but never downloaded. */
  maxMessageBytes: number;
  /** What one poll downloads at most, so memory stays bounded; the rest waits for the next poll. */
  maxBatchBytes: number;
  maxMessages: number;
  timeoutMs: number;
}

export interface FetchedMessage {
  uid: number;
  size: number;
  /** From the envelope, so a message left on the server still has its key. */
  messageId?: string;
  /** The raw message; null when it was over the limit and left on the server. */
  source: Buffer | null;
}

export interface FetchedMail {
  uidValidity: string;
  /** In UID order, all after the position (the whole folder when UIDVALIDITY changed). */
  messages: FetchedMessage[];
  /** More messages wait beyond this batch. */
  more: boolean;
}

/**
 * The messages that arrived after `position`, read-only (EXAMINE): nothing is flagged or moved on the server,
 * so where Docket stands is only what it recorded, in its own database.
 */
export async function fetchNewMail(account: ImapAccount, position: PollPosition, limits: FetchLimits): Promise<FetchedMail> {
  const client = new ImapFlow({
    host: account.host,
    port: account.port,
    secure: account.tls,
    auth: { user: account.username, pass: account.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: limits.timeoutMs,
    greetingTimeout: limits.timeoutMs,
    socketTimeout: limits.timeoutMs,
  });
  // An error after connecting (a dropped socket) is also thrown by the command that was waiting on it.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const box = await client.mailboxOpen(account.folder, { readOnly: true });
    const uidValidity = String(box.uidValidity);
    const from = uidValidity === position.uidValidity ? position.lastUid + 1 : 1;
    if (box.exists === 0) return { uidValidity, messages: [], more: false };
    // `n:*` also answers the last message when every UID is below n, so the list is filtered again.
    const listed = (await client.fetchAll(`${from}:*`, { uid: true, size: true, envelope: true }, { uid: true })).filter((message) => message.uid >= from).sort((a, b) => a.uid - b.uid);
    const chosen = choose(listed.map((message) => ({ uid: message.uid, size: message.size ?? 0, messageId: message.envelope?.messageId })), limits);
    const messages: FetchedMessage[] = [];
    for (const { download, ...listing } of chosen) {
      const fetched = download ? await client.fetchOne(String(listing.uid), { source: true }, { uid: true }) : false;
      messages.push({ ...listing, source: fetched && fetched.source ? fetched.source : null });
    }
    return { uidValidity, messages, more: chosen.length < listed.length };
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** The batch to take: in UID order, up to the message and byte limits; at least one, so a poll always moves on. */
export function choose<Listed extends { uid: number; size: number }>(listed: readonly Listed[], limits: Pick<FetchLimits, 'maxMessageBytes' | 'maxBatchBytes' | 'maxMessages'>): (Listed & { download: boolean })[] {
  const chosen: (Listed & { download: boolean })[] = [];
  let bytes = 0;
  for (const message of listed) {
    const download = message.size <= limits.maxMessageBytes;
    const cost = download ? message.size : 0;
    if (chosen.length >= limits.maxMessages || (chosen.length > 0 && bytes + cost > limits.maxBatchBytes)) break;
    chosen.push({ ...message, download });
    bytes += cost;
  }
  return chosen;
}
