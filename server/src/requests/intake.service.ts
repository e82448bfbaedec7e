import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changesBetween } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest, ErrorDetail } from '../common/docket-error';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { Channel } from '../directory/entities/channel.entity';
import { Client } from '../directory/entities/client.entity';
import { ContactPerson } from '../directory/entities/contact-person.entity';
import { ContactPlace } from '../directory/entities/contact-place.entity';
import { ContactTemplateOperator } from '../directory/entities/contact-template-operator.entity';
import { ContactTemplate } from '../directory/entities/contact-template.entity';
import { Direction } from '../directory/entities/direction.entity';
import { Queue } from '../queues/queue.entity';
import { languageOf } from '../topics/resolution/messages';
import { isEmpty, validateAttributeWrite } from '../topics/resolution/value-validator';
import { initialState } from '../../../workflows/index';
import { valueWrites } from './domain/attribute-values';
import { classify, priorityMatrix } from './domain/priority-matrix';
import { sanitizePlainText, sanitizeRichText } from './domain/rich-text';
import { STATUS_NEW } from './domain/route-outcome';
import type { CreateContactDto, NewRequestDto } from './dto/requests.dto';
import { Contact } from './entities/contact.entity';
import { CustomerRequest } from './entities/customer-request.entity';
import { PriorityCell } from './entities/priority-cell.entity';
import { Idempotency } from './processing/idempotency';
import { contextData, TopicForms } from './processing/request-context';
import { nextRequestNumber } from './processing/request-numbers';
import { RouteRunner } from './processing/route-runner';
import { ROUTE_SOURCE, type RouteSource } from './route-source';
import { ListSlotAllocator } from './storage/list-slot-allocator';
import { writeRequestValues } from './storage/request-values.writer';

export const AUDITED_REQUEST_FIELDS: (keyof CustomerRequest)[] = ['status', 'queueId', 'assigneeId', 'priority', 'impact', 'urgency', 'subject', 'currentSteps', 'awaitingAcceptance', 'resolution', 'isOpen'];

export interface RegisteredContact {
  contact: Contact;
  requests: CustomerRequest[];
}

/** Registers a contact and the requests inside it, all in one transaction. */
@Injectable()
export class IntakeService {
  private readonly runner: RouteRunner;
  private readonly idempotency: Idempotency;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(DOCKET_CONFIG) config: DocketConfig,
    @Inject(ROUTE_SOURCE) routes: RouteSource,
  ) {
    this.runner = new RouteRunner({ routes, audit, mailDomain: config.mail.domain });
    this.idempotency = new Idempotency(dataSource);
  }

  async register(actor: Principal, body: CreateContactDto, options: { idempotencyKey?: string; acceptLanguage?: string }, now = new Date()): Promise<RegisteredContact> {
    return this.idempotency.run(actor, options.idempotencyKey, { method: 'POST', path: '/api/contacts', body, status: 201 }, async (manager) => {
      const contact = await this.contactFrom(manager, actor, body, now);
      await manager.save(contact);
      const forms = new TopicForms(manager);
      const matrix = priorityMatrix(await manager.find(PriorityCell));
      const requests: CustomerRequest[] = [];
      for (const [index, input] of body.requests.entries()) {
        requests.push(await this.createRequest(manager, forms, matrix, actor, contact, input, `requests.${index}.`, languageOf(options.acceptLanguage), now));
      }
      return { contact, requests };
    });
  }

  private async contactFrom(manager: EntityManager, actor: Principal, body: CreateContactDto, now: Date): Promise<Contact> {
    const [link] = await manager.find(ContactTemplateOperator, { where: { userId: actor.userId }, order: { templateId: 'ASC' }, take: 1 });
    const template = link ? await manager.findOneBy(ContactTemplate, { id: link.templateId, active: true }) : null;
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
    const exists = async (entity: new () => { id: number }, id: number | null, path: string) => {
      if (id !== null && !(await manager.existsBy(entity, { id }))) details.push({ path, message: `unknown ${path.replace(/Id$/, '')} ${id}` });
    };
    await exists(Channel, contact.channelId, 'channelId');
    await exists(Direction, contact.directionId, 'directionId');
    await exists(ContactPlace, contact.placeId, 'placeId');
    await exists(Client, contact.clientId, 'clientId');
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
    const details: ErrorDetail[] = [];
    const topic = await forms.topic(input.topicId);
    if (!topic || !topic.active) details.push({ path: `${prefix}topicId`, message: topic ? 'the topic is inactive' : `unknown topic ${input.topicId}` });
    const classified = classify(matrix, input.impact, input.urgency, prefix);
    if ('issues' in classified) details.push(...classified.issues);
    if (input.queueId !== undefined && !(await manager.existsBy(Queue, { id: input.queueId, active: true }))) details.push({ path: `${prefix}queueId`, message: `unknown or inactive queue ${input.queueId}` });
    const subject = sanitizePlainText(input.subject);
    if (!subject) details.push({ path: `${prefix}subject`, message: 'is empty once markup is removed' });
    if (details.length || !topic || 'issues' in classified) throw badRequest('invalid_request', 'The request is not valid', details);

    const request = manager.create(CustomerRequest, {
      number: await nextRequestNumber(manager, now),
      topicId: topic.id,
      type: input.type,
      impact: input.impact,
      urgency: input.urgency,
      priority: classified.priority,
      status: STATUS_NEW,
      isOpen: true,
      queueId: input.queueId ?? null,
      assigneeId: null,
      clientId: contact.clientId,
      contactId: contact.id,
      contactPersonId: contact.contactPersonId,
      subject,
      description: input.description === undefined ? null : sanitizeRichText(input.description),
      createdAt: now,
      updatedAt: now,
      dueAt: null,
      version: 1,
      routeVersionId: null,
      routeState: null,
      currentSteps: null,
      awaitingAcceptance: false,
      resolution: null,
      closedAt: null,
      createdById: actor.userId,
    });
    const given = input.attributes ?? {};
    const data = await contextData(manager, { ...request, id: 0 }, topic.code, actor, given);
    const form = await forms.resolve(topic.id, data, null, false);
    const issues = validateAttributeWrite(form.attributes, { values: given, enforceRequired: true, language });
    if (issues.length) throw badRequest('invalid_attributes', 'The attribute values are not valid', issues.map((issue) => ({ path: `${prefix}attributes.${issue.path}`, message: issue.message })));
    const defaults = Object.fromEntries(form.attributes.filter((attribute) => !Object.hasOwn(given, attribute.code) && !isEmpty(attribute.default)).map((attribute) => [attribute.code, attribute.default]));
    const values = { ...defaults, ...given };

    const route = await this.runner.publishedFor(manager, topic.id);
    if (route) Object.assign(request, { routeVersionId: route.versionId, routeState: initialState(route.definition) });
    await manager.insert(CustomerRequest, request);
    await writeRequestValues(manager, { requestId: request.id, queueId: request.queueId, isOpen: true }, valueWrites(form.attributes, values), await ListSlotAllocator.slotsFor(manager));
    await this.audit.record(manager, actor, { entityType: 'request', entityId: request.id, action: 'create', changes: [...changesBetween(null, request, ['number', 'topicId', 'type', 'contactId', 'clientId', ...AUDITED_REQUEST_FIELDS]), ...Object.entries(values).map(([code, value]) => ({ field: `attributes.${code}`, old: null, new: value }))] }, now);
    if (!route) return request;

    const routeContext = await this.runner.routeContext(forms, topic.id, { ...data, request: { ...(data.request as object), id: request.id, number: request.number, attributes: values } });
    const outcome = await this.runner.interpret(manager, route, request, { type: 'start' }, routeContext, now);
    const before = { ...request };
    Object.assign(request, outcome.fields);
    await manager.update(CustomerRequest, { id: request.id }, outcome.fields);
    await this.audit.record(manager, actor, { entityType: 'request', entityId: request.id, action: 'route.start', changes: changesBetween(before, request, AUDITED_REQUEST_FIELDS) }, now);
    await this.runner.apply(manager, forms, before, request, outcome, actor, now);
    return request;
  }
}
