import { In, type EntityManager } from 'typeorm';
import { insertRows } from '../database/plain-rows';
import { OutboxAttachment } from './entities/outbox-attachment.entity';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** The largest file the outbox keeps for one event: mail servers commonly refuse messages past 10 MB once encoded. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** Base64 characters per stored part: under the 65,535 bytes of a MySQL TEXT column. */
const PART_CHARS = 60_000;

/**
 * Keeps a file to send with every mail of `eventKey`, in the caller's transaction with those mails. Written
 * again for the same event it is ignored, as the mails are.
 */
export async function enqueueAttachment(manager: EntityManager, eventKey: string, attachment: MailAttachment): Promise<void> {
  if (attachment.content.length > MAX_ATTACHMENT_BYTES) throw new Error(`attachment ${attachment.filename} is over ${MAX_ATTACHMENT_BYTES} bytes`);
  const encoded = attachment.content.toString('base64');
  const parts = Array.from({ length: Math.max(1, Math.ceil(encoded.length / PART_CHARS)) }, (_, part) => ({
    eventKey,
    filename: attachment.filename.slice(0, 191),
    contentType: attachment.contentType,
    part,
    content: encoded.slice(part * PART_CHARS, (part + 1) * PART_CHARS),
  }));
  await insertRows(manager, OutboxAttachment, parts, { ignore: true });
}

/** The files of each of these events, read in one statement for a batch of mails. */
export async function attachmentsOf(manager: EntityManager, eventKeys: readonly string[]): Promise<Map<string, MailAttachment[]>> {
  const byEvent = new Map<string, MailAttachment[]>();
  if (!eventKeys.length) return byEvent;
  const parts = await manager.find(OutboxAttachment, { where: { eventKey: In([...new Set(eventKeys)]) }, order: { eventKey: 'ASC', filename: 'ASC', part: 'ASC' } });
  const files = new Map<string, { eventKey: string; filename: string; contentType: string; encoded: string[] }>();
  for (const part of parts) {
    const key = `${part.eventKey}\n${part.filename}`;
    const file = files.get(key) ?? { eventKey: part.eventKey, filename: part.filename, contentType: part.contentType, encoded: [] };
    file.encoded.push(part.content);
    files.set(key, file);
  }
  for (const file of files.values()) {
    const list = byEvent.get(file.eventKey) ?? [];
    list.push({ filename: file.filename, contentType: file.contentType, content: Buffer.from(file.encoded.join(''), 'base64') });
    byEvent.set(file.eventKey, list);
  }
  return byEvent;
}

/** Drops the files of these events once none of their mails waits to be sent (or sent again) any more. */
export async function purgeSentAttachments(manager: EntityManager, eventKeys: readonly string[]): Promise<void> {
  if (!eventKeys.length) return;
  const keys = [...new Set(eventKeys)];
  await manager.query(
    `DELETE FROM outbox_attachments WHERE eventKey IN (${keys.map(() => '?').join(', ')})
       AND NOT EXISTS (SELECT 1 FROM outbox_messages m WHERE m.eventKey = outbox_attachments.eventKey AND m.state IN ('pending', 'running'))`,
    keys,
  );
}
