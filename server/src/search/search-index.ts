import type { EntityManager } from 'typeorm';
import { htmlToPlainText } from '../attachments/extraction/html-text';
import { Comment } from '../requests/entities/comment.entity';
import type { CustomerRequest } from '../requests/entities/customer-request.entity';
import { Discussion } from '../requests/entities/discussion.entity';
import { SearchDocument, type SearchOwner } from './search-document.entity';
import { textChunks } from './search-text';
import { insertRows } from '../database/plain-rows';

/**
 * The search index is written only here, always with the caller's manager: a request, comment or
 * attachment and its searchable text commit (or roll back) together.
 */
export async function indexRequest(manager: EntityManager, request: Pick<CustomerRequest, 'id' | 'subject' | 'description' | 'clientId'>, options: { fresh?: boolean } = {}): Promise<void> {
  await replaceDocument(manager, 'request', request.id, { requestId: request.id, clientId: request.clientId, visibility: null }, requestText(request), options.fresh);
}

export async function indexComment(manager: EntityManager, comment: Pick<Comment, 'id' | 'requestId' | 'discussionId' | 'body'>): Promise<void> {
  await replaceDocument(manager, 'comment', comment.id, { requestId: comment.requestId, clientId: null, visibility: await visibilityOf(manager, comment.discussionId) }, htmlToPlainText(comment.body));
}

/** A file on a comment is as visible as the comment's discussion; one on a request or client has no discussion. */
export async function indexAttachment(manager: EntityManager, attachment: { id: number; ownerType: string; ownerId: number; requestId: number | null; clientId: number | null }, text: string): Promise<void> {
  const comment = attachment.ownerType === 'comment' ? await manager.findOneBy(Comment, { id: attachment.ownerId }) : null;
  const visibility = comment ? await visibilityOf(manager, comment.discussionId) : null;
  await replaceDocument(manager, 'attachment', attachment.id, { requestId: attachment.requestId, clientId: attachment.requestId === null ? attachment.clientId : null, visibility }, text);
}

async function visibilityOf(manager: EntityManager, discussionId: number): Promise<string> {
  return (await manager.findOneBy(Discussion, { id: discussionId }))?.visibility ?? 'internal';
}

export async function unindex(manager: EntityManager, ownerType: SearchOwner, ownerId: number): Promise<void> {
  await manager.delete(SearchDocument, { ownerType, ownerId });
}

/** What of a request is searched: its subject, then its description as text. */
export function requestText(request: Pick<CustomerRequest, 'subject' | 'description'>): string {
  return request.description ? `${request.subject}\n${htmlToPlainText(request.description)}` : request.subject;
}

/** `fresh`: the owner was created in this transaction, so it has nothing indexed to replace. */
async function replaceDocument(manager: EntityManager, ownerType: SearchOwner, ownerId: number, scope: Pick<SearchDocument, 'requestId' | 'clientId' | 'visibility'>, text: string, fresh = false): Promise<void> {
  if (!fresh) await unindex(manager, ownerType, ownerId);
  await insertRows(manager, SearchDocument, textChunks(text).map((chunk, index) => ({ ownerType, ownerId, ...scope, chunk: index, text: chunk })));
}
