import { hash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { insertRows } from '../database/plain-rows';
import { OutboxMessage } from './entities/outbox-message.entity';

export interface OutgoingMail {
  /** What happened, stable across replays of the same event: `request:42:breach:2026-03-29T10:00Z`. */
  eventKey: string;
  recipient: string;
  subject: string;
  text: string;
  html?: string;
  /** Message-IDs of earlier mails in the thread, oldest first. */
  references?: string[];
}

/** The Message-ID of one (event, recipient): the same on every attempt, so a thread and a resend stay recognisable. */
export function messageIdFor(eventKey: string, recipient: string, domain: string): string {
  // One-shot hash: the same digest as createHash, without a Hash object per mail (a sweep writes thousands).
  return `<${hash('sha256', `${eventKey}\n${recipient}`, 'hex').slice(0, 32)}@${domain}>`;
}

/**
 * Queues a mail in the caller's transaction: it is sent only if the event commits, and an event
 * recorded twice queues it once.
 */
export async function enqueueMail(manager: EntityManager, mail: OutgoingMail, now: Date, domain: string): Promise<void> {
  await enqueueMails(manager, [mail], now, domain);
}

/** Several mails in multi-row statements, each as `enqueueMail` would queue it; no ids are read back. */
export async function enqueueMails(manager: EntityManager, mails: readonly OutgoingMail[], now: Date, domain: string): Promise<void> {
  if (!mails.length) return;
  await insertRows(
    manager,
    OutboxMessage,
    mails.map((mail) => ({
      eventKey: mail.eventKey,
      recipient: mail.recipient.toLowerCase(),
      subject: mail.subject.slice(0, 255),
      text: mail.text,
      html: mail.html ?? null,
      messageId: messageIdFor(mail.eventKey, mail.recipient.toLowerCase(), domain),
      references: mail.references ?? [],
      state: 'pending' as const,
      dueAt: now,
      attempts: 0,
      createdAt: now,
    })),
    { ignore: true },
  );
}
