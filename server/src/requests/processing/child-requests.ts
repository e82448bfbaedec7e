import { In, type EntityManager } from 'typeorm';
import { changesBetween, type AuditService } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { conflict, DocketError } from '../../common/docket-error';
import type { RequestType } from '../dto/requests.dto';
import type { ResolutionKind } from '../../../../workflows/index';
import { STATUS_CLOSED, type ChildToSpawn } from '../domain/route-outcome';
import { CustomerRequest } from '../entities/customer-request.entity';
import { moveValueBucket } from '../storage/request-values.writer';
import type { TopicForms } from './request-context';
import { AUDITED_REQUEST_FIELDS, RequestCreator } from './request-creation';
import type { RequestFollowers, RouteRunner } from './route-runner';
import { StaleVersion, updateVersioned } from './versioned-update';
import { currentPriorityMatrix } from './configured-priorities';

/** The resolution a child closed by its parent's route gets; the route model has no such end, so it is the request's own. */
export const RESOLUTION_CANCELLED = 'cancelled';
/** Children of children of …: a route whose child request starts the same route again would otherwise never stop. */
export const MAX_CHILD_DEPTH = 5;
/** A child cancelled by its parent ends its own route as unresolvable; its row says `cancelled`. */
const CANCELLED_ROUTE_RESOLUTION: ResolutionKind = 'unresolvable';

/**
 * Child requests of a route step: created in the parent's transaction, closed when the parent's route no longer
 * needs them, and reported back to the parent when their own route ends.
 */
export class ChildRequests {
  private readonly creator: RequestCreator;

  constructor(
    private readonly runner: RouteRunner,
    private readonly audit: AuditService,
    private readonly followers: RequestFollowers | undefined,
  ) {
    this.creator = new RequestCreator(runner, audit, followers);
  }

  /** Each child is a request of its own topic for the parent's client and contact, started on its own route. */
  async spawn(manager: EntityManager, forms: TopicForms, parent: CustomerRequest, children: ChildToSpawn[], actor: Principal | null, now: Date): Promise<void> {
    if (children.length === 0) return;
    const depth = await this.depthOf(manager, parent);
    if (depth >= MAX_CHILD_DEPTH) {
      throw conflict('child_depth', `Request ${parent.number} is already ${depth} levels below its origin; the route may not create children deeper than ${MAX_CHILD_DEPTH}`, [{ path: `children.${children[0].key}`, message: 'too deep' }]);
    }
    const matrix = await currentPriorityMatrix(manager);
    const { nodes } = await forms.config();
    for (const child of children) {
      const prefix = `children.${child.key}.`;
      const topic = nodes.find((node) => node.kind === 'topic' && node.code === child.topic);
      if (!topic) throw conflict('child_request_invalid', `The route asks for a child request of topic ${child.topic}, which does not exist`, [{ path: `${prefix}topic`, message: `unknown topic ${child.topic}` }]);
      // A step waits for its children's routes to end; a child without a route would keep the parent waiting for ever.
      if (child.tokenId !== undefined && !(await this.runner.publishedFor(manager, topic.id))) {
        throw conflict('child_request_invalid', `Topic ${child.topic} has no published route, so its child request could never end`, [{ path: `${prefix}topic`, message: 'no published route' }]);
      }
      const attributes = Object.fromEntries(Object.entries(child.values).filter(([, value]) => value !== null && value !== undefined));
      const input = { topicId: topic.id, type: parent.type as RequestType, impact: parent.impact, urgency: parent.urgency, subject: child.title, attributes };
      let created: CustomerRequest;
      try {
        created = await this.creator.create(manager, forms, matrix, actor, parent, input, prefix, 'en', now, { parentId: parent.id, childKey: child.key });
      } catch (error) {
        if (error instanceof DocketError && error.status === 400) throw conflict('child_request_invalid', `Child request ${child.key} (${child.topic}) cannot be created: ${error.message}`, error.details);
        throw error;
      }
      await this.record(manager, actor, parent.id, 'child.created', { key: child.key, stepId: child.stepId, id: created.id, number: created.number, topic: child.topic }, now);
    }
  }

  /** Closes the parent's open children with these keys as cancelled; their own routes stop (timers, grandchildren) too. */
  async cancel(manager: EntityManager, forms: TopicForms, parent: CustomerRequest, keys: string[], actor: Principal | null, now: Date): Promise<void> {
    const children = await manager.find(CustomerRequest, { where: { parentId: parent.id, childKey: In(keys), isOpen: true }, order: { id: 'ASC' } });
    for (const child of children) {
      const reason = `cancelled by the route of its parent ${parent.number}`;
      if (child.routeState?.status === 'running') {
        await this.runner.advance(manager, forms, actor, child, child.version, { type: 'cancel', resolution: CANCELLED_ROUTE_RESOLUTION, reason }, 'child.cancelled', now, { resolution: RESOLUTION_CANCELLED, isOpen: false, status: STATUS_CLOSED, closedAt: now });
      } else {
        const before = { ...child };
        await updateVersioned(manager, child, child.version, { isOpen: false, status: STATUS_CLOSED, resolution: RESOLUTION_CANCELLED, closedAt: now, currentSteps: null, awaitingAcceptance: false }, now);
        await moveValueBucket(manager, { requestId: child.id, queueId: child.queueId, isOpen: false });
        await this.followers?.changed(manager, before, child, now);
        await this.audit.record(manager, actor, { entityType: 'request', entityId: child.id, action: 'child.cancelled', changes: changesBetween(before, child, AUDITED_REQUEST_FIELDS) }, now);
      }
      await this.record(manager, actor, parent.id, 'child.cancelled', { key: child.childKey, id: child.id, number: child.number }, now);
    }
  }

  /**
   * The child's route ended: the parent's route hears of it, at the version read here (a parent changed meanwhile
   * rolls the whole event back). A child the parent no longer waits for is only journalled.
   */
  async ended(manager: EntityManager, forms: TopicForms, child: CustomerRequest, actor: Principal | null, now: Date): Promise<void> {
    if (child.parentId === null || child.childKey === null || child.resolution === RESOLUTION_CANCELLED) return;
    const parent = await manager.findOneBy(CustomerRequest, { id: child.parentId });
    if (!parent) return;
    const resolution = (child.routeState?.resolution ?? child.resolution ?? 'resolved') as ResolutionKind;
    const waiting = parent.routeState?.status === 'running' && parent.routeState.tokens.some((token) => token.children?.some((tracked) => tracked.key === child.childKey && tracked.status === 'open'));
    await this.record(manager, actor, child.id, 'child.reported', { parentId: parent.id, parent: parent.number, resolution, parentWaiting: waiting }, now);
    await this.record(manager, actor, parent.id, 'child.ended', { key: child.childKey, id: child.id, number: child.number, resolution, waiting }, now);
    if (!waiting) return;
    try {
      await this.runner.advance(manager, forms, actor, parent, parent.version, { type: 'childClosed', childKey: child.childKey, resolution }, 'route.child', now);
    } catch (error) {
      if (!(error instanceof StaleVersion)) throw error;
      throw conflict('parent_changed', `The parent request ${parent.number} changed at the same moment; try again`, [{ path: 'parentId', message: `request ${parent.number} changed` }]);
    }
  }

  /** How many ancestors the request has (0 for one registered on its own). */
  private async depthOf(manager: EntityManager, request: CustomerRequest): Promise<number> {
    let depth = 0;
    for (let parentId = request.parentId; parentId !== null && depth < MAX_CHILD_DEPTH; depth++) {
      parentId = (await manager.findOne(CustomerRequest, { select: { id: true, parentId: true }, where: { id: parentId } }))?.parentId ?? null;
    }
    return depth;
  }

  private record(manager: EntityManager, actor: Principal | null, requestId: number, action: string, value: Record<string, unknown>, now: Date): Promise<void> {
    return this.audit.record(manager, actor, { entityType: 'request', entityId: requestId, action, changes: [{ field: 'children', old: null, new: value }] }, now);
  }
}
