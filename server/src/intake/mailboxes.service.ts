import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { AuditService, changesBetween } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, notFound, type ErrorDetail } from '../common/docket-error';
import { definedFields } from '../common/defined-fields';
import { SecretBox } from '../common/secret-box';
import { assertCodeFree } from '../dictionaries/catalog-writes';
import { Channel } from '../directory/entities/channel.entity';
import { Direction } from '../directory/entities/direction.entity';
import { Queue } from '../queues/queue.entity';
import { TopicNode } from '../topics/entities/topic-node.entity';
import { MailMessage } from './entities/mail-message.entity';
import { Mailbox, MAILBOX_PASSWORD } from './entities/mailbox.entity';
import { cancelPolls, schedulePoll } from './mail-poll-job';
import { CreateMailboxDto, mailboxView, MailboxView, MailMessageView, UpdateMailboxDto } from './mailboxes.dto';

/** Journalled fields; the password only as "changed", never its value. */
const AUDITED: (keyof Mailbox)[] = ['code', 'name', 'host', 'port', 'tls', 'username', 'folder', 'active', 'topicId', 'queueId', 'channelId', 'directionId', 'operatorId', 'pollSeconds'];
/** Changing any of these points the mailbox at other mail: its position starts again (Message-IDs still hold). */
const WHERE_MAIL_IS: (keyof Mailbox)[] = ['host', 'port', 'username', 'folder'];
const RECENT_MESSAGES = 200;

/** The mailboxes e-mail intake reads: configured by administrators, polled by MailPollingService. */
@Injectable()
export class MailboxesService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly secrets: SecretBox,
  ) {}

  /** Seals the passwords of mailboxes stored before passwords were sealed. */
  async onApplicationBootstrap(): Promise<void> {
    const stored: { id: number; password: string }[] = await this.dataSource.getRepository(Mailbox).createQueryBuilder('m').select(['m.id', 'm.password']).getMany();
    for (const { id, password } of stored.filter((mailbox) => !SecretBox.isSealed(mailbox.password))) {
      await this.dataSource.getRepository(Mailbox).update({ id, password }, { password: this.secrets.seal(password, MAILBOX_PASSWORD) });
    }
  }

  /** The body's fields as stored: the password sealed. */
  private stored<Body extends { password?: string }>(body: Body): Partial<Body> {
    const fields: Partial<Body> = definedFields(body);
    if (fields.password !== undefined) fields.password = this.secrets.seal(fields.password, MAILBOX_PASSWORD);
    return fields;
  }

  async list(): Promise<MailboxView[]> {
    return (await this.dataSource.getRepository(Mailbox).find({ order: { code: 'ASC' } })).map(mailboxView);
  }

  async get(id: number): Promise<MailboxView> {
    return mailboxView(await this.find(this.dataSource.manager, id));
  }

  /** What the mailbox did with the latest messages it handled, newest first. */
  async messages(id: number): Promise<MailMessageView[]> {
    await this.find(this.dataSource.manager, id);
    return this.dataSource.getRepository(MailMessage).find({ where: { mailboxId: id }, order: { id: 'DESC' }, take: RECENT_MESSAGES });
  }

  async create(actor: Principal, body: CreateMailboxDto, now = new Date()): Promise<MailboxView> {
    return this.dataSource.transaction(async (manager) => {
      await assertCodeFree(manager, Mailbox, { code: body.code }, 'mailbox', body.code);
      await checkReferences(manager, body);
      const mailbox = manager.create(Mailbox, { port: 993, tls: true, folder: 'INBOX', active: true, queueId: null, channelId: null, directionId: null, pollSeconds: 60, uidValidity: null, lastUid: 0, lastPolledAt: null, lastError: null, ...this.stored(body), createdAt: now, updatedAt: now });
      await manager.save(mailbox);
      await this.audit.record(manager, actor, { entityType: 'mailbox', entityId: mailbox.id, action: 'create', changes: [...changesBetween(null, mailbox, AUDITED), { field: 'password', old: null, new: '(set)' }] }, now);
      if (mailbox.active) await schedulePoll(manager, mailbox.id, now, now);
      return mailboxView(mailbox);
    });
  }

  async update(actor: Principal, id: number, body: UpdateMailboxDto, now = new Date()): Promise<MailboxView> {
    return this.dataSource.transaction(async (manager) => {
      const mailbox = await this.find(manager, id);
      await checkReferences(manager, body);
      const before = { ...mailbox };
      Object.assign(mailbox, this.stored(body), { updatedAt: now });
      if (WHERE_MAIL_IS.some((field) => before[field] !== mailbox[field])) Object.assign(mailbox, { uidValidity: null, lastUid: 0 });
      await manager.save(mailbox);
      const changes = changesBetween(before, mailbox, AUDITED);
      if (body.password !== undefined) changes.push({ field: 'password', old: '(set)', new: '(changed)' });
      await this.audit.record(manager, actor, { entityType: 'mailbox', entityId: id, action: 'update', changes }, now);
      if (mailbox.active) await schedulePoll(manager, id, now, now);
      else await cancelPolls(manager, id, now);
      return mailboxView(mailbox);
    });
  }

  /** A poll due now, not after the interval: after fixing the account, or to take in mail at once. */
  async pollNow(id: number, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const mailbox = await this.find(manager, id);
      if (!mailbox.active) throw conflict('inactive', 'The mailbox is inactive; activate it first', [{ path: 'active', message: 'is false' }]);
      await schedulePoll(manager, id, now, now);
    });
  }

  /** Removes the mailbox and what it remembers of handled mail; the requests and comments it made stay. */
  async remove(actor: Principal, id: number, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const mailbox = await this.find(manager, id);
      await cancelPolls(manager, id, now);
      await manager.delete(MailMessage, { mailboxId: id });
      await manager.delete(Mailbox, { id });
      await this.audit.record(manager, actor, { entityType: 'mailbox', entityId: id, action: 'delete', changes: changesBetween(mailbox, {}, AUDITED) }, now);
    });
  }

  private async find(manager: EntityManager, id: number): Promise<Mailbox> {
    const mailbox = await manager.findOneBy(Mailbox, { id });
    if (!mailbox) throw notFound('Mailbox', id);
    return mailbox;
  }
}

/** Every record a mailbox names must exist (and the topic and user be active), so polling never fails on configuration. */
async function checkReferences(manager: EntityManager, body: UpdateMailboxDto): Promise<void> {
  const details: ErrorDetail[] = [];
  // Null clears an optional reference (no queue, channel or direction): nothing to look up.
  const check = async (path: keyof UpdateMailboxDto, id: number | null | undefined, found: (id: number) => Promise<boolean>, what: string) => {
    if (id !== undefined && id !== null && !(await found(id))) details.push({ path, message: `unknown or inactive ${what} ${id}` });
  };
  await check('topicId', body.topicId, (id) => manager.existsBy(TopicNode, { id, kind: 'topic', active: true }), 'topic');
  await check('queueId', body.queueId, (id) => manager.existsBy(Queue, { id, active: true }), 'queue');
  await check('channelId', body.channelId, (id) => manager.existsBy(Channel, { id }), 'channel');
  await check('directionId', body.directionId, (id) => manager.existsBy(Direction, { id }), 'direction');
  await check('operatorId', body.operatorId, (id) => manager.existsBy(User, { id, active: true }), 'user');
  if (details.length) throw badRequest('invalid_mailbox', 'The mailbox is not valid', details);
}
