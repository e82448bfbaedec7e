import type { EntityManager } from 'typeorm';
import { indexRequest } from '../../search/search-index';
import { changesBetween, type AuditService } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { badRequest, type ErrorDetail } from '../../common/docket-error';
import { Queue } from '../../queues/queue.entity';
import type { languageOf } from '../../topics/resolution/messages';
import { isEmpty, validateAttributeWrite } from '../../topics/resolution/value-validator';
import { initialState } from '../../../../workflows/index';
import { valueWrites } from '../domain/attribute-values';
import { classify, type priorityMatrix } from '../domain/priority-matrix';
import { sanitizePlainText, sanitizeRichText } from '../domain/rich-text';
import { STATUS_NEW } from '../domain/route-outcome';
import type { NewRequestDto } from '../dto/requests.dto';
import { CustomerRequest } from '../entities/customer-request.entity';
import { ListSlotAllocator } from '../storage/list-slot-allocator';
import { writeRequestValues } from '../storage/request-values.writer';
import { contextData, type TopicForms } from './request-context';
import { nextRequestNumber } from './request-numbers';
import type { RouteRunner } from './route-runner';

export const AUDITED_REQUEST_FIELDS: (keyof CustomerRequest)[] = ['status', 'queueId', 'assigneeId', 'priority', 'impact', 'urgency', 'subject', 'currentSteps', 'awaitingAcceptance', 'resolution', 'isOpen'];

/** Who the request is for: the contact it was registered in, or the parent a child inherits them from. */
export type RequestOrigin = Pick<CustomerRequest, 'clientId' | 'contactPersonId'> & { contactId: number | null };

/** A child request's place under its parent. */
export interface ChildLink {
  parentId: number;
  childKey: string;
}

/**
 * Creates one request and starts it on its topic's route, in the caller's transaction: what intake does for
 * each request of a contact, and what a parent's route step does for each child.
 */
export class RequestCreator {
  constructor(
    private readonly runner: RouteRunner,
    private readonly audit: AuditService,
  ) {}

  async create(manager: EntityManager, forms: TopicForms, matrix: ReturnType<typeof priorityMatrix>, actor: Principal | null, origin: RequestOrigin, input: NewRequestDto, prefix: string, language: ReturnType<typeof languageOf>, now: Date, link?: ChildLink): Promise<CustomerRequest> {
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
      // Taken right before the row is inserted (below), once the request has passed every check.
      number: '',
      topicId: topic.id,
      type: input.type,
      impact: input.impact,
      urgency: input.urgency,
      priority: classified.priority,
      status: STATUS_NEW,
      isOpen: true,
      queueId: input.queueId ?? null,
      assigneeId: null,
      clientId: origin.clientId,
      contactId: origin.contactId,
      contactPersonId: origin.contactPersonId,
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
      createdById: actor?.userId ?? null,
      parentId: link?.parentId ?? null,
      childKey: link?.childKey ?? null,
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
    const slots = await ListSlotAllocator.slotsFor(manager);
    // Rules cannot read the number (it is not in the rule context schema), so the form above did not need it.
    request.number = await nextRequestNumber(manager, now);
    await manager.insert(CustomerRequest, request);
    await indexRequest(manager, request, { fresh: true });
    const linked: (keyof CustomerRequest)[] = link ? ['parentId', 'childKey'] : [];
    const created = { entityType: 'request', entityId: request.id, action: 'create', changes: [...changesBetween(null, request, ['number', 'topicId', 'type', 'contactId', 'clientId', ...linked, ...AUDITED_REQUEST_FIELDS]), ...Object.entries(values).map(([code, value]) => ({ field: `attributes.${code}`, old: null, new: value }))] };
    const writeValues = () => writeRequestValues(manager, { requestId: request.id, queueId: request.queueId, isOpen: request.isOpen }, valueWrites(form.attributes, values), slots, { fresh: true });
    if (!route) {
      await writeValues();
      await this.audit.recordMany(manager, actor, [created], now);
      return request;
    }

    const routeContext = await this.runner.routeContext(forms, topic.id, { ...data, request: { ...(data.request as object), id: request.id, number: request.number, attributes: values } });
    const outcome = await this.runner.interpret(manager, route, request, { type: 'start' }, routeContext, now);
    const before = { ...request };
    Object.assign(request, outcome.fields);
    await manager.update(CustomerRequest, { id: request.id }, outcome.fields);
    // Written in the queue the route start chose, rather than moved there after (the start reads them from memory).
    await writeValues();
    const started = { entityType: 'request', entityId: request.id, action: 'route.start', changes: changesBetween(before, request, AUDITED_REQUEST_FIELDS) };
    await this.runner.apply(manager, forms, before, request, outcome, actor, now, { valuesInBucket: true, journal: [created, started] });
    return request;
  }
}
