import type { EntityManager } from 'typeorm';
import { indexRequest } from '../../search/search-index';
import { insertRow } from '../../database/plain-rows';
import { changesBetween, type AuditService } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { badRequest, type ErrorDetail } from '../../common/docket-error';
import { configuredQueues } from '../../queues/configured-queues';
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
import { contextData, type ContactWays, type TopicForms } from './request-context';
import { nextRequestNumber } from './request-numbers';
import type { RequestFollowers, RouteRunner } from './route-runner';

export const AUDITED_REQUEST_FIELDS: (keyof CustomerRequest)[] = ['status', 'queueId', 'assigneeId', 'priority', 'impact', 'urgency', 'subject', 'currentSteps', 'awaitingAcceptance', 'resolution', 'isOpen'];

/** Who the request is for: the contact it was registered in, or the parent a child inherits them from. */
export type RequestOrigin = Pick<CustomerRequest, 'clientId' | 'contactPersonId'> & { contactId: number | null; contact?: ContactWays };

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
    /** Told of each new request before and after its row is written (its SLA clocks). */
    private readonly followers?: RequestFollowers,
  ) {}

  async create(manager: EntityManager, forms: TopicForms, matrix: ReturnType<typeof priorityMatrix>, actor: Principal | null, origin: RequestOrigin, input: NewRequestDto, prefix: string, language: ReturnType<typeof languageOf>, now: Date, link?: ChildLink): Promise<CustomerRequest> {
    const details: ErrorDetail[] = [];
    const topic = await forms.topic(input.topicId);
    if (!topic || !topic.active) details.push({ path: `${prefix}topicId`, message: topic ? 'the topic is inactive' : `unknown topic ${input.topicId}` });
    const classified = classify(matrix, input.impact, input.urgency, prefix);
    if ('issues' in classified) details.push(...classified.issues);
    if (input.queueId !== undefined && !(await configuredQueues(manager)).get(input.queueId)?.active) details.push({ path: `${prefix}queueId`, message: `unknown or inactive queue ${input.queueId}` });
    const subject = sanitizePlainText(input.subject);
    if (!subject) details.push({ path: `${prefix}subject`, message: 'is empty once markup is removed' });
    if (details.length || !topic || 'issues' in classified) throw badRequest('invalid_request', 'The request is not valid', details);

    const request = manager.create(CustomerRequest, {
      // Taken right before the row is inserted (below), once the request has passed every check and its route started.
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
    const data = await contextData(manager, { ...request, id: 0 }, topic.code, actor, given, origin.contact);
    const form = await forms.resolve(topic.id, data, null, false);
    const issues = validateAttributeWrite(form.attributes, { values: given, enforceRequired: true, language });
    if (issues.length) throw badRequest('invalid_attributes', 'The attribute values are not valid', issues.map((issue) => ({ path: `${prefix}attributes.${issue.path}`, message: issue.message })));
    const defaults = Object.fromEntries(form.attributes.filter((attribute) => !Object.hasOwn(given, attribute.code) && !isEmpty(attribute.default)).map((attribute) => [attribute.code, attribute.default]));
    const values = { ...defaults, ...given };

    const route = await this.runner.publishedFor(manager, topic.id);
    if (route) Object.assign(request, { routeVersionId: route.versionId, routeState: initialState(route.definition) });
    const slots = await ListSlotAllocator.slotsFor(manager);
    const registered = { ...request };
    // The route starts before the row is written, so the row is inserted as the start left it. Rules cannot read
    // the request's id or number (they are not in the rule context schema), which do not exist yet.
    const outcome = route ? await this.runner.interpret(manager, route, request, { type: 'start' }, await this.runner.routeContext(forms, topic.id, { ...data, request: { ...(data.request as object), attributes: values } }), now) : null;
    if (outcome) Object.assign(request, outcome.fields);
    request.number = registered.number = await nextRequestNumber(manager, now);
    const followUp = await this.followers?.creating(manager, request, now);
    request.id = await insertRow(manager, CustomerRequest, request);
    registered.id = request.id;
    await indexRequest(manager, request, { fresh: true });
    const linked: (keyof CustomerRequest)[] = link ? ['parentId', 'childKey'] : [];
    const created = { entityType: 'request', entityId: request.id, action: 'create', changes: [...changesBetween(null, registered, ['number', 'topicId', 'type', 'contactId', 'clientId', ...linked, ...AUDITED_REQUEST_FIELDS]), ...Object.entries(values).map(([code, value]) => ({ field: `attributes.${code}`, old: null, new: value }))] };
    // Written in the queue the route start chose (the start read them from memory).
    await writeRequestValues(manager, { requestId: request.id, queueId: request.queueId, isOpen: request.isOpen }, valueWrites(form.attributes, values), slots, { fresh: true });
    if (!outcome) await this.audit.recordMany(manager, actor, [created], now);
    else {
      const started = { entityType: 'request', entityId: request.id, action: 'route.start', changes: changesBetween(registered, request, AUDITED_REQUEST_FIELDS) };
      await this.runner.apply(manager, forms, registered, request, outcome, actor, now, { valuesInBucket: true, journal: [created, started] });
    }
    await followUp?.(manager, request);
    return request;
  }
}
