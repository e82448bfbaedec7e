import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest, ErrorDetail } from '../common/docket-error';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { Client } from '../directory/entities/client.entity';
import { ContactPerson } from '../directory/entities/contact-person.entity';
import { intakeConfiguration, operatorTemplates } from '../directory/intake/intake-configuration';
import { NotificationEvents } from '../notifications/notification-events';
import { SlaClocks } from '../sla/sla-clocks';
import { languageOf } from '../topics/resolution/messages';
import { priorityMatrix } from './domain/priority-matrix';
import type { CreateContactDto, NewRequestDto } from './dto/requests.dto';
import { Contact } from './entities/contact.entity';
import { insertRow } from '../database/plain-rows';
import { CustomerRequest } from './entities/customer-request.entity';
import { Idempotency } from './processing/idempotency';
import { TopicForms } from './processing/request-context';
import { RequestCreator } from './processing/request-creation';
import { RouteRunner } from './processing/route-runner';
import { slaFollowers } from './processing/sla-followers';
import { ROUTE_SOURCE, type RouteSource } from './route-source';
import { currentPriorityMatrix } from './processing/configured-priorities';

export { AUDITED_REQUEST_FIELDS } from './processing/request-creation';

export interface RegisteredContact {
  contact: Contact;
  requests: CustomerRequest[];
}

/** Registers a contact and the requests inside it, all in one transaction. */
@Injectable()
export class IntakeService {
  private readonly runner: RouteRunner;
  private readonly creator: RequestCreator;
  private readonly idempotency: Idempotency;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    audit: AuditService,
    @Inject(DOCKET_CONFIG) config: DocketConfig,
    @Inject(ROUTE_SOURCE) routes: RouteSource,
    sla: SlaClocks,
    private readonly notifications: NotificationEvents,
  ) {
    const followers = slaFollowers(sla);
    this.runner = new RouteRunner({ routes, audit, mailDomain: config.mail.domain, autoCloseHours: config.closure.autoCloseHours, followers });
    this.creator = new RequestCreator(this.runner, audit, followers);
    this.idempotency = new Idempotency(dataSource);
  }

  async register(actor: Principal, body: CreateContactDto, options: { idempotencyKey?: string; acceptLanguage?: string }, now = new Date()): Promise<RegisteredContact> {
    return this.idempotency.run(actor, options.idempotencyKey, { method: 'POST', path: '/api/contacts', body, status: 201 }, (manager) => this.registerIn(manager, actor, body, languageOf(options.acceptLanguage), now));
  }

  /** The registration itself, in the caller's transaction (mail intake writes what it handled in the same one). */
  async registerIn(manager: EntityManager, actor: Principal, body: CreateContactDto, language: ReturnType<typeof languageOf>, now: Date): Promise<RegisteredContact> {
    const contact = await this.contactFrom(manager, actor, body, now);
    contact.id = await insertRow(manager, Contact, contact);
    const forms = new TopicForms(manager);
    const matrix = await currentPriorityMatrix(manager);
    const requests: CustomerRequest[] = [];
    for (const [index, input] of body.requests.entries()) {
      requests.push(await this.createRequest(manager, forms, matrix, actor, contact, input, `requests.${index}.`, language, now));
    }
    for (const request of requests) await this.notifications.emit(manager, { type: 'request.created', requestId: request.id, actorId: actor.userId, actorName: actor.name, request }, now);
    return { contact, requests };
  }

  private async contactFrom(manager: EntityManager, actor: Principal, body: CreateContactDto, now: Date): Promise<Contact> {
    const intake = await intakeConfiguration(manager);
    // The template the operator chose among theirs, or their first: it fills what the body leaves out and bounds what it may name.
    const templates = operatorTemplates(intake, actor.userId);
    const template = body.templateId === undefined ? (templates[0] ?? null) : (templates.find((candidate) => candidate.id === body.templateId) ?? null);
    const contact = manager.create(Contact, {
      channelId: body.channelId ?? template?.channelId ?? null,
      directionId: body.directionId ?? template?.directionId ?? null,
      placeId: body.placeId ?? template?.defaultPlaceId ?? null,
      clientId: body.clientId ?? null,
      contactPersonId: body.contactPersonId ?? null,
      operatorId: actor.userId,
      occurredAt: body.occurredAt ? new Date(body.occurredAt) : now,
      createdAt: now,
    });
    const details: ErrorDetail[] = [];
    if (body.templateId !== undefined && !template) details.push({ path: 'templateId', message: 'not one of your active contact templates' });
    const unknown = (id: number | null, path: string) => details.push({ path, message: `unknown ${path.replace(/Id$/, '')} ${id}` });
    if (contact.channelId !== null && !intake.channels.has(contact.channelId)) unknown(contact.channelId, 'channelId');
    if (contact.directionId !== null && !intake.directions.has(contact.directionId)) unknown(contact.directionId, 'directionId');
    if (contact.placeId !== null && !intake.places.has(contact.placeId)) unknown(contact.placeId, 'placeId');
    if (contact.clientId !== null && !(await manager.existsBy(Client, { id: contact.clientId }))) unknown(contact.clientId, 'clientId');
    if (contact.contactPersonId !== null) {
      const person = await manager.findOneBy(ContactPerson, { id: contact.contactPersonId });
      if (!person) details.push({ path: 'contactPersonId', message: `unknown contact person ${contact.contactPersonId}` });
      else if (contact.clientId !== null && person.clientId !== null && person.clientId !== contact.clientId) details.push({ path: 'contactPersonId', message: 'speaks for another client' });
    }
    if (template?.allowedPlaceIds.length && contact.placeId !== null && !template.allowedPlaceIds.includes(contact.placeId)) details.push({ path: 'placeId', message: 'not allowed by your contact template' });
    if (template?.allowedTopicIds.length) {
      body.requests.forEach((request, index) => template.allowedTopicIds.includes(request.topicId) || details.push({ path: `requests.${index}.topicId`, message: 'not allowed by your contact template' }));
    }
    if (details.length) throw badRequest('invalid_contact', 'The contact is not valid', details);
    return contact;
  }

  private async createRequest(manager: EntityManager, forms: TopicForms, matrix: ReturnType<typeof priorityMatrix>, actor: Principal, contact: Contact, input: NewRequestDto, prefix: string, language: ReturnType<typeof languageOf>, now: Date): Promise<CustomerRequest> {
    return this.creator.create(manager, forms, matrix, actor, { contactId: contact.id, clientId: contact.clientId, contactPersonId: contact.contactPersonId, contact }, input, prefix, language, now);
  }
}
