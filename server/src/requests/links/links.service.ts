import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { badRequest, conflict, notFound } from '../../common/docket-error';
import { insertRows } from '../../database/plain-rows';
import { CustomerRequest } from '../entities/customer-request.entity';
import { isDuplicateKey } from '../processing/duplicate-key';
import { Idempotency } from '../processing/idempotency';
import { accessRequest, workableRequest } from '../processing/request-access';
import { TopicForms } from '../processing/request-context';
import { relativeRows } from '../views/request-family';
import { RequestLink } from './entities/request-link.entity';
import { RequestTag } from './entities/request-tag.entity';
import type { AddLinkDto, SetTagsDto } from './links.dto';
import type { LinkView } from './request-links.view';
import { requestTags } from './request-tags';

/**
 * Links between requests and a request's tags: written by those who work the request, as other card writes. The
 * other request of a link must be one the caller may read; any other answers 404, as if it did not exist.
 */
@Injectable()
export class LinksService {
  private readonly idempotency: Idempotency;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.idempotency = new Idempotency(dataSource);
  }

  /** A second link of the same pair and kind (for relatedTo, either way round) is refused with 409 link_exists. */
  add(actor: Principal, requestId: number, body: AddLinkDto, key: string | undefined, now = new Date()): Promise<LinkView> {
    return this.idempotency.run(actor, key, { method: 'POST', path: `/api/requests/${requestId}/links`, body, status: 201 }, async (manager) => {
      const request = await workableRequest(manager, actor, requestId);
      const other = await this.target(manager, actor, body);
      if (other.id === request.id) throw badRequest('self_link', 'A request cannot be linked to itself', [{ path: body.number !== undefined ? 'number' : 'requestId', message: 'is this request' }]);
      await this.refuseRepeat(manager, request, other, body.kind);
      const link = manager.create(RequestLink, { requestId, linkedRequestId: other.id, kind: body.kind, createdById: actor.userId, createdAt: now });
      try {
        await manager.insert(RequestLink, link);
      } catch (error) {
        // A concurrent call linked the same pair first.
        if (isDuplicateKey(error)) throw linkExists(request, other, body.kind);
        throw error;
      }
      // Journalled on both requests: each one's history tells what was linked to it and by whom.
      await this.audit.recordMany(
        manager,
        actor,
        [
          { entityType: 'request', entityId: requestId, action: 'link.add', changes: [{ field: 'link', old: null, new: { id: link.id, kind: link.kind, direction: 'outgoing', number: other.number } }] },
          { entityType: 'request', entityId: other.id, action: 'link.add', changes: [{ field: 'link', old: null, new: { id: link.id, kind: link.kind, direction: 'incoming', number: request.number } }] },
        ],
        now,
      );
      return { id: link.id, kind: link.kind, direction: 'outgoing', request: await relativeRows(manager, new TopicForms(manager)).view(other) };
    });
  }

  /** Removes a link from either of its requests' cards. */
  remove(actor: Principal, requestId: number, linkId: number, key: string | undefined, now = new Date()): Promise<void> {
    return this.idempotency.run(actor, key, { method: 'DELETE', path: `/api/requests/${requestId}/links/${linkId}`, body: null, status: 204 }, async (manager) => {
      const request = await workableRequest(manager, actor, requestId);
      const link = await manager.findOneBy(RequestLink, { id: linkId });
      if (!link || (link.requestId !== requestId && link.linkedRequestId !== requestId)) throw notFound('Link', linkId);
      const outgoing = link.requestId === requestId;
      const other = await manager.findOne(CustomerRequest, { where: { id: outgoing ? link.linkedRequestId : link.requestId }, select: { id: true, number: true } });
      await manager.delete(RequestLink, { id: linkId });
      const removal = (entityId: number, direction: 'outgoing' | 'incoming', number: string | null) => ({ entityType: 'request', entityId, action: 'link.remove', changes: [{ field: 'link', old: { id: linkId, kind: link.kind, direction, number }, new: null }] });
      const records = [removal(requestId, outgoing ? 'outgoing' : 'incoming', other?.number ?? null)];
      if (other) records.push(removal(other.id, outgoing ? 'incoming' : 'outgoing', request.number));
      await this.audit.recordMany(manager, actor, records, now);
    });
  }

  /** Replaces the request's tags; the same set again changes nothing and writes no journal line. */
  setTags(actor: Principal, requestId: number, body: SetTagsDto, key: string | undefined, now = new Date()): Promise<{ requestId: number; tags: string[] }> {
    return this.idempotency.run(actor, key, { method: 'PUT', path: `/api/requests/${requestId}/tags`, body, status: 200 }, async (manager) => {
      await workableRequest(manager, actor, requestId);
      const { tags, details } = requestTags(body.tags);
      if (details.length) throw badRequest('invalid_tags', 'The tags are not valid', details);
      // In the order the card reads them (the database's collation), before and after.
      const stored = async () => (await manager.find(RequestTag, { where: { requestId }, order: { tag: 'ASC' } })).map((row) => row.tag);
      const old = await stored();
      const removed = old.filter((tag) => !tags.includes(tag));
      const added = tags.filter((tag) => !old.includes(tag));
      if (!removed.length && !added.length) return { requestId, tags: old };
      if (removed.length) await manager.delete(RequestTag, { requestId, tag: In(removed) });
      // A concurrent call may have added the same tag: the key keeps it once.
      await insertRows(manager, RequestTag, added.map((tag) => ({ requestId, tag })), { ignore: true });
      const after = await stored();
      await this.audit.record(manager, actor, { entityType: 'request', entityId: requestId, action: 'tags.set', changes: [{ field: 'tags', old, new: after }] }, now);
      return { requestId, tags: after };
    });
  }

  /** The other request of a link, by number or id, if the caller may read it. */
  private async target(manager: EntityManager, actor: Principal, body: AddLinkDto): Promise<CustomerRequest> {
    if ((body.number === undefined) === (body.requestId === undefined)) throw badRequest('invalid_link', 'Name the other request by number or by requestId, not both', [{ path: 'number', message: 'give number or requestId' }]);
    const id = body.requestId ?? (await manager.findOne(CustomerRequest, { where: { number: body.number!.trim() }, select: { id: true } }))?.id;
    if (id === undefined) throw notFound('Request', body.number!);
    return (
      await accessRequest(manager, actor, id).catch(() => {
        throw notFound('Request', body.number ?? id);
      })
    ).request;
  }

  private async refuseRepeat(manager: EntityManager, request: CustomerRequest, other: CustomerRequest, kind: RequestLink['kind']): Promise<void> {
    const pairs = await manager.find(RequestLink, { where: [{ requestId: request.id, linkedRequestId: other.id }, { requestId: other.id, linkedRequestId: request.id }] });
    const same = (link: RequestLink) => link.kind === kind && (link.requestId === request.id || kind === 'relatedTo');
    if (pairs.some(same)) throw linkExists(request, other, kind);
    // Each a duplicate of the other would leave neither as the original.
    if (kind === 'duplicateOf' && pairs.some((link) => link.kind === 'duplicateOf')) throw conflict('duplicate_cycle', `${other.number} is already recorded as a duplicate of ${request.number}`, [{ path: 'kind', message: 'the other request is a duplicate of this one' }]);
  }
}

function linkExists(request: CustomerRequest, other: CustomerRequest, kind: RequestLink['kind']) {
  return conflict('link_exists', `${request.number} is already linked to ${other.number} as ${kind}`, [{ path: 'kind', message: 'already linked' }]);
}
