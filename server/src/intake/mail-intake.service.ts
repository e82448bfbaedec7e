import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { requestOwner } from '../attachments/attachment-owner';
import { AttachmentsService, type ReceivedFile } from '../attachments/attachments.service';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { DocketError } from '../common/docket-error';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { OutboxMessage } from '../notifications/entities/outbox-message.entity';
import { queueRolesOf } from '../queues/queue-access';
import { ClosureService } from '../requests/closure/closure.service';
import { DiscussionsService } from '../requests/discussions.service';
import { customerClassification } from '../requests/domain/priority-matrix';
import { STATUS_RESOLVED } from '../requests/domain/route-outcome';
import { sanitizePlainText } from '../requests/domain/rich-text';
import { CustomerRequest } from '../requests/entities/customer-request.entity';
import { IntakeService } from '../requests/intake.service';
import { currentPriorityMatrix } from '../requests/processing/configured-priorities';
import { isDuplicateKey } from '../requests/processing/duplicate-key';
import { languageOf } from '../topics/resolution/messages';
import { MailMessage, type MailOutcome } from './entities/mail-message.entity';
import { Mailbox } from './entities/mailbox.entity';
import type { FetchedMessage } from './mail-fetch';
import { messageKeyOf, referencedMessageIds, requestNumbersIn, threadedRequestId } from './mail-threading';
import { advanceMailbox, type MailboxPosition } from './mailbox-position';
import { readMail, type ReceivedMail } from './received-mail';

const EMPTY_BODY = '<p>(no text)</p>';
const REOPENED = 'The solution was awaiting the customer’s confirmation: their reply rejected it and the request is back at work.';

interface Settled {
  outcome: MailOutcome;
  requestId?: number;
  commentId?: number;
  detail?: string;
}

/** Who wrote a mail, as far as the directory and the users know them. */
interface Sender {
  clientId: number | null;
  contactPersonId: number | null;
}

/**
 * What one received message becomes: a comment in the customer discussion of the request it answers, or a new
 * contact with one request, through the same services as the API. Each message is handled in its own
 * transaction, which also records its Message-ID and moves the mailbox's position past it: a message acts once,
 * and a process dying between two messages loses neither.
 */
@Injectable()
export class MailIntakeService {
  private readonly logger = new Logger('mail-intake');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: IntakeService,
    private readonly discussions: DiscussionsService,
    private readonly attachments: AttachmentsService,
    private readonly audit: AuditService,
    private readonly closure: ClosureService,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
  ) {}

  async take(mailbox: Mailbox, actor: Principal, uidValidity: string, message: FetchedMessage, now = new Date()): Promise<void> {
    const position = { mailbox, uidValidity, uid: message.uid };
    if (message.source === null) {
      const key = messageKeyOf(message.messageId, Buffer.from(`${uidValidity}:${message.uid}`));
      return this.settle(actor, position, key, { outcome: 'failed', detail: `The message (${message.size} bytes) is larger than the limit of ${this.config.mailIntake.maxMessageBytes} bytes; it was left on the server.` }, now);
    }
    let mail: ReceivedMail;
    try {
      mail = await readMail(message.source, this.config.attachments.maxBytes);
    } catch (error) {
      const key = messageKeyOf(message.messageId, message.source);
      return this.settle(actor, position, key, { outcome: 'failed', detail: `The message could not be read: ${messageOf(error)}` }, now);
    }
    if (await this.dataSource.manager.existsBy(MailMessage, { mailboxId: mailbox.id, messageKey: mail.key })) return advanceMailbox(this.dataSource.manager, positionOf(position));
    if (mail.automatic) return this.settle(actor, position, mail.key, { outcome: 'ignored', detail: 'Written by a machine (Auto-Submitted or Precedence): not taken in, so that robots do not answer each other.' }, now);

    const files: ReceivedFile[] = [];
    const notes = [...mail.notes];
    for (const file of mail.files) {
      try {
        files.push(await this.attachments.receive(file, now));
      } catch (error) {
        if (!(error instanceof DocketError)) throw error;
        notes.push(`The attachment “${file.fileName}” was not kept: ${error.message}.`);
      }
    }
    try {
      await this.dataSource.transaction(async (manager) => {
        const row = await this.claim(manager, mailbox, mail.key, message.uid, now);
        const settled = await this.actOn(manager, mailbox, actor, mail, files, notes, now);
        await manager.update(MailMessage, { id: row }, { ...settled, detail: settled.detail?.slice(0, 1000) ?? null });
        await advanceMailbox(manager, positionOf(position));
      });
    } catch (error) {
      await Promise.all(files.map((file) => this.attachments.discard(file)));
      // Another process took this message in first: what it did stands, nothing more to do.
      if (isDuplicateKey(error)) return;
      this.logger.warn({ mailbox: mailbox.code, message: mail.key, error: messageOf(error) });
      return this.settle(actor, position, mail.key, { outcome: 'failed', detail: `The message could not be taken in: ${messageOf(error)}` }, now);
    }
  }

  private async actOn(manager: EntityManager, mailbox: Mailbox, actor: Principal, mail: ReceivedMail, files: ReceivedFile[], notes: string[], now: Date): Promise<Settled> {
    const body = [mail.body, ...notes.map((note) => `<p>${sanitizePlainText(note)}</p>`)].join('') || EMPTY_BODY;
    const detail = notes.join(' ') || undefined;
    const request = await this.answeredRequest(manager, mail);
    const author = request && mail.sender ? await this.authorFor(manager, request, mail.sender) : null;
    if (request && author) {
      const discussionId = await this.discussions.customerDiscussion(manager, actor, request.id, now);
      const comment = await this.discussions.write(manager, actor, request.id, discussionId, { body }, now, author);
      for (const file of files) await this.attachments.record(manager, actor, requestOwner(request.id, comment.id), file, now);
      await this.journal(manager, actor, mailbox, mail, request.id, { comment: comment.id }, now);
      // The resolved mail asks the customer to reply if the problem remains: their reply rejects the solution as
      // the portal's "reject" does (back to work, auto-close cancelled). Staff replies are comments only.
      const reopened = author.customer && request.status === STATUS_RESOLVED;
      if (reopened) await this.closure.closure.reopen(manager, actor, request, request.version, { action: 'rejectSolution', reason: `The customer answered by e-mail (${mail.sender})` }, now);
      return { outcome: 'comment', requestId: request.id, commentId: comment.id, detail: reopened ? [REOPENED, detail].filter(Boolean).join(' ') : detail };
    }
    const sender = await this.identify(manager, mail.sender);
    const matrix = await currentPriorityMatrix(manager);
    const { requests } = await this.intake.registerIn(
      manager,
      actor,
      {
        ...(mailbox.channelId === null ? {} : { channelId: mailbox.channelId }),
        ...(mailbox.directionId === null ? {} : { directionId: mailbox.directionId }),
        ...(sender.clientId === null ? {} : { clientId: sender.clientId }),
        ...(sender.contactPersonId === null ? {} : { contactPersonId: sender.contactPersonId }),
        occurredAt: now.toISOString(),
        requests: [{ topicId: mailbox.topicId, type: 'incident', ...customerClassification(matrix), subject: mail.subject, description: body, ...(mailbox.queueId === null ? {} : { queueId: mailbox.queueId }) }],
      },
      languageOf(undefined),
      now,
    );
    const [created] = requests;
    for (const file of files) await this.attachments.record(manager, actor, requestOwner(created.id), file, now);
    // A reply that could not go where it pointed says so in the journal of the request it became.
    const refused = request ? { answered: request.number, refused: 'the sender does not speak for that request' } : {};
    await this.journal(manager, actor, mailbox, mail, created.id, refused, now);
    return { outcome: 'request', requestId: created.id, detail };
  }

  /** The request the mail answers, by the Message-ID of Docket's mail it replies to or a number in its subject; never an archived one. */
  private async answeredRequest(manager: EntityManager, mail: ReceivedMail): Promise<CustomerRequest | null> {
    const messageIds = referencedMessageIds(mail.thread);
    const numbers = requestNumbersIn(mail.thread.subject);
    const sent = messageIds.length ? await manager.find(OutboxMessage, { where: { messageId: In(messageIds) }, select: { messageId: true, eventKey: true } }) : [];
    const numbered = numbers.length ? await manager.find(CustomerRequest, { where: { number: In(numbers) }, select: { id: true, number: true } }) : [];
    const id = threadedRequestId(mail.thread, { sent: new Map(sent.map((row) => [row.messageId, row.eventKey])), numbers: new Map(numbered.map((row) => [row.number, row.id])) });
    const request = id === null ? null : await manager.findOneBy(CustomerRequest, { id });
    return request && request.archivedAt === null ? request : null;
  }

  /**
   * Who may write into a request by mail, as the comment's author: a user with that address who works the
   * request's queue or is bound to its client, or (without an account) the address of its contact person, its
   * client or one of the client's contact persons. Anyone else gets null: a stranger's "reply" becomes a new
   * request of their own and learns nothing of the request they named. `customer` tells the customer's side from staff.
   */
  private async authorFor(manager: EntityManager, request: CustomerRequest, sender: string): Promise<{ userId: number | null; login: string; customer: boolean } | null> {
    const users = (await manager.query('SELECT id, login, clientId FROM users WHERE active = 1 AND LOWER(email) = ?', [sender])) as { id: number | string; login: string; clientId: number | string | null }[];
    for (const user of users) {
      const userId = Number(user.id);
      const customer = user.clientId !== null && request.clientId !== null && Number(user.clientId) === request.clientId;
      const staff = user.clientId === null && request.queueId !== null && (await queueRolesOf(manager, userId)).member.includes(request.queueId);
      if (customer || staff) return { userId, login: user.login, customer };
    }
    if (request.clientId === null && request.contactPersonId === null) return null;
    const [point] = (await manager.query(
      `SELECT p.id FROM contact_points p LEFT JOIN contact_persons cp ON p.ownerType = 'person' AND cp.id = p.ownerId
       WHERE p.kind = 'email' AND p.normalized = ? AND ((p.ownerType = 'person' AND (p.ownerId = ? OR cp.clientId = ?)) OR (p.ownerType = 'client' AND p.ownerId = ?))`,
      [sender, request.contactPersonId ?? 0, request.clientId ?? 0, request.clientId ?? 0],
    )) as unknown[];
    return point ? { userId: null, login: sender, customer: true } : null;
  }

  /** The client and contact person an address belongs to: a contact person's address first, then a client's. */
  private async identify(manager: EntityManager, sender: string | null): Promise<Sender> {
    if (sender === null) return { clientId: null, contactPersonId: null };
    const [found] = (await manager.query(
      `SELECT p.ownerType AS ownerType, p.ownerId AS ownerId, cp.clientId AS personClientId FROM contact_points p LEFT JOIN contact_persons cp ON p.ownerType = 'person' AND cp.id = p.ownerId
       WHERE p.kind = 'email' AND p.normalized = ? AND p.ownerType IN ('person', 'client') ORDER BY CASE p.ownerType WHEN 'person' THEN 0 ELSE 1 END, p.id LIMIT 1`,
      [sender],
    )) as { ownerType: string; ownerId: number | string; personClientId: number | string | null }[];
    if (!found) return { clientId: null, contactPersonId: null };
    if (found.ownerType === 'client') return { clientId: Number(found.ownerId), contactPersonId: null };
    return { clientId: found.personClientId === null ? null : Number(found.personClientId), contactPersonId: Number(found.ownerId) };
  }

  private journal(manager: EntityManager, actor: Principal, mailbox: Mailbox, mail: ReceivedMail, requestId: number, extra: Record<string, unknown>, now: Date): Promise<void> {
    return this.audit.record(manager, actor, { entityType: 'request', entityId: requestId, action: 'mail.received', changes: [{ field: 'mail', old: null, new: { mailbox: mailbox.code, messageId: mail.key, from: mail.sender, notes: mail.notes, ...extra } }] }, now);
  }

  /** Claims the message's key first, so a second process handling it waits here and then finds it taken. */
  private async claim(manager: EntityManager, mailbox: Mailbox, key: string, uid: number, now: Date): Promise<number> {
    const inserted = await manager.insert(MailMessage, { mailboxId: mailbox.id, messageKey: key, uid, outcome: 'failed', requestId: null, commentId: null, detail: null, createdAt: now });
    return Number(inserted.identifiers[0].id);
  }

  /** Records a message that acts on nothing (refused, failed, ignored), with the journal line saying why. */
  private async settle(actor: Principal, position: { mailbox: Mailbox; uidValidity: string; uid: number }, key: string, settled: Settled, now: Date): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.claim(manager, position.mailbox, key, position.uid, now);
        await manager.update(MailMessage, { mailboxId: position.mailbox.id, messageKey: key }, { outcome: settled.outcome, detail: settled.detail?.slice(0, 1000) ?? null });
        await this.audit.record(manager, actor, { entityType: 'mailbox', entityId: position.mailbox.id, action: `mail.${settled.outcome}`, changes: [{ field: 'mail', old: null, new: { messageId: key, uid: position.uid, detail: settled.detail ?? null } }] }, now);
        await advanceMailbox(manager, positionOf(position));
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Recorded before (read again from the start, or by another process): only the position moves.
      await advanceMailbox(this.dataSource.manager, positionOf(position));
    }
  }
}

const positionOf = ({ mailbox, uidValidity, uid }: { mailbox: Mailbox; uidValidity: string; uid: number }): MailboxPosition => ({ mailboxId: mailbox.id, uidValidity, uid });

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
