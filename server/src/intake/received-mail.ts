import { simpleParser } from 'mailparser';
import { sanitizePlainText, sanitizeRichText } from '../requests/domain/rich-text';
import { isAutomatic, messageKeyOf, type ThreadHeaders } from './mail-threading';

/** Room left under a TEXT column (65,535 bytes on MariaDB) for what sanitising again may add. */
export const MAX_BODY_BYTES = 60_000;
const NO_SUBJECT = '(no subject)';

export interface MailFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** A message as intake uses it: who, what, which thread, and its files. */
export interface ReceivedMail {
  key: string;
  sender: string | null;
  senderName: string;
  subject: string;
  /** Safe HTML: the HTML part sanitised, or the text part escaped; cut to MAX_BODY_BYTES. */
  body: string;
  thread: ThreadHeaders;
  automatic: boolean;
  files: MailFile[];
  /** What of the message was not kept, for the journal and the message's row. */
  notes: string[];
}

/** Parses a raw message; files over `maxFileBytes` are left out with a note, never stored. */
export async function readMail(source: Buffer, maxFileBytes: number): Promise<ReceivedMail> {
  const parsed = await simpleParser(source, { skipImageLinks: true });
  const notes: string[] = [];
  const files: MailFile[] = [];
  for (const [index, attachment] of parsed.attachments.entries()) {
    const fileName = attachment.filename ?? `attachment-${index + 1}`;
    if (attachment.size > maxFileBytes) notes.push(`The attachment “${fileName}” (${attachment.size} bytes) was not kept: larger than the limit of ${maxFileBytes} bytes.`);
    else files.push({ fileName, contentType: attachment.contentType, content: attachment.content });
  }
  const html = sanitizeRichText(parsed.html || parsed.textAsHtml || '');
  const body = cutToBytes(html, MAX_BODY_BYTES);
  if (body.length < html.length) notes.push(`The message text was cut at ${MAX_BODY_BYTES} bytes.`);
  const from = parsed.from?.value[0];
  return {
    key: messageKeyOf(parsed.messageId, source),
    sender: from?.address ? from.address.trim().toLowerCase() : null,
    senderName: from?.name || from?.address || '',
    subject: sanitizePlainText(parsed.subject ?? '') || NO_SUBJECT,
    body,
    thread: { inReplyTo: parsed.inReplyTo, references: parsed.references, subject: parsed.subject },
    automatic: isAutomatic(parsed.headers),
    files,
    notes,
  };
}

/** At most `bytes` of UTF-8, cut between characters (a cut tag is closed or dropped when the HTML is sanitised again). */
export function cutToBytes(text: string, bytes: number): string {
  const encoded = Buffer.from(text, 'utf8');
  if (encoded.length <= bytes) return text;
  return encoded.subarray(0, bytes).toString('utf8').replace(/\uFFFD$/, '');
}
