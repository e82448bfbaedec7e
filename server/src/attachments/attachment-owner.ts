import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { notFound } from '../common/docket-error';
import { Client } from '../directory/entities/client.entity';
import { Comment } from '../requests/entities/comment.entity';
import { accessRequest, workableRequest } from '../requests/processing/request-access';
import type { AttachmentOwner } from './attachment.entity';

/** Where an attachment hangs, and so whose access rules it follows: a request's (its comments' too) or a client's. */
export type AttachmentScope = { kind: 'request'; requestId: number } | { kind: 'client'; clientId: number };

export interface ResolvedOwner {
  ownerType: AttachmentOwner;
  ownerId: number;
  requestId: number | null;
  clientId: number | null;
  /** For the journal: the request or client the change is recorded under. */
  auditType: 'request' | 'client';
  auditId: number;
}

/**
 * The checks of the owning record, before a byte is read: a request must be readable (to list and
 * download) or workable (to attach and delete) by the actor; a client must exist (the endpoint's
 * directory permission is the rest).
 */
export async function resolveScope(manager: EntityManager, actor: Principal, scope: AttachmentScope, intent: 'read' | 'write'): Promise<void> {
  if (scope.kind === 'client') {
    if (!(await manager.existsBy(Client, { id: scope.clientId }))) throw notFound('Client', scope.clientId);
  } else if (intent === 'read') await accessRequest(manager, actor, scope.requestId);
  else await workableRequest(manager, actor, scope.requestId);
}

/** The owner a new attachment gets: the scope itself, or a comment on the scope's request. */
export async function resolveOwner(manager: EntityManager, actor: Principal, scope: AttachmentScope, commentId?: number): Promise<ResolvedOwner> {
  await resolveScope(manager, actor, scope, 'write');
  if (scope.kind === 'client') return { ownerType: 'client', ownerId: scope.clientId, requestId: null, clientId: scope.clientId, auditType: 'client', auditId: scope.clientId };
  if (commentId !== undefined && !(await manager.existsBy(Comment, { id: commentId, requestId: scope.requestId }))) throw notFound('Comment', commentId);
  return requestOwner(scope.requestId, commentId);
}

/** A request, or (given) one of its comments, as an attachment's owner. */
export function requestOwner(requestId: number, commentId?: number): ResolvedOwner {
  return { ownerType: commentId === undefined ? 'request' : 'comment', ownerId: commentId ?? requestId, requestId, clientId: null, auditType: 'request', auditId: requestId };
}

/** The filter that keeps a scope's attachments (a request's include its comments'). */
export function scopeWhere(scope: AttachmentScope): { requestId: number } | { ownerType: 'client'; clientId: number } {
  return scope.kind === 'request' ? { requestId: scope.requestId } : { ownerType: 'client', clientId: scope.clientId };
}
