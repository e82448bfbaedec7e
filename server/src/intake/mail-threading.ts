import { hash } from 'node:crypto';

/** What of a received message says which request it answers. */
export interface ThreadHeaders {
  inReplyTo?: string;
  references?: string | string[];
  subject?: string;
}

/** Where a reply may point: the mails Docket sent (Message-ID → event key) and request numbers (→ request id). */
export interface ThreadIndex {
  sent: ReadonlyMap<string, string>;
  numbers: ReadonlyMap<string, number>;
}

const MESSAGE_ID = /<[^<>\s]+>/g;
const REQUEST_NUMBER = /\bREQ-\d{4}-\d{6,}\b/gi;
/** Notifications about a request are keyed `request:<id>:<event>…` (notification-events). */
const REQUEST_EVENT = /^request:(\d+):/;
/** The longest Message-ID kept as it is; a longer one (or none) is replaced by a digest of the message. */
const MAX_KEY_LENGTH = 255;

/** Message-IDs the reply names, the one it answers first, then its References newest first. */
export function referencedMessageIds(headers: ThreadHeaders): string[] {
  const references = [headers.references ?? []].flat().join(' ').match(MESSAGE_ID) ?? [];
  const inReplyTo = headers.inReplyTo?.match(MESSAGE_ID) ?? [];
  return [...new Set([...inReplyTo, ...references.reverse()])];
}

/** Request numbers in the subject (`Re: [REQ-2026-000123] …`), upper-cased, in order. */
export function requestNumbersIn(subject: string | undefined): string[] {
  return [...new Set((subject ?? '').match(REQUEST_NUMBER)?.map((number) => number.toUpperCase()) ?? [])];
}

export function requestIdOfEventKey(eventKey: string): number | null {
  const match = REQUEST_EVENT.exec(eventKey);
  return match ? Number(match[1]) : null;
}

/**
 * The request a message answers, or null for a new one. A Message-ID of Docket's own mail is proof the sender
 * replied to it, so it wins over a number in the subject, which anyone can type.
 */
export function threadedRequestId(headers: ThreadHeaders, index: ThreadIndex): number | null {
  for (const messageId of referencedMessageIds(headers)) {
    const eventKey = index.sent.get(messageId);
    const requestId = eventKey === undefined ? null : requestIdOfEventKey(eventKey);
    if (requestId !== null) return requestId;
  }
  for (const number of requestNumbersIn(headers.subject)) {
    const requestId = index.numbers.get(number);
    if (requestId !== undefined) return requestId;
  }
  return null;
}

/** The key de-duplication goes by: the Message-ID, or a digest of the raw message when it has none usable. */
export function messageKeyOf(messageId: string | undefined, source: Buffer): string {
  const trimmed = messageId?.trim();
  if (trimmed && trimmed.length <= MAX_KEY_LENGTH) return trimmed;
  return `sha256:${hash('sha256', source, 'hex')}`;
}

/**
 * Mail a machine wrote in answer to mail (out-of-office, bounces, list traffic): taking it in would answer
 * Docket's notifications with comments that notify again, a loop between two robots.
 */
export function isAutomatic(headers: { get(name: string): unknown }): boolean {
  const submitted = String(headers.get('auto-submitted') ?? 'no').toLowerCase();
  const precedence = String(headers.get('precedence') ?? '').toLowerCase();
  return submitted !== 'no' || ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence);
}
