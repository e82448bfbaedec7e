import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Attachment } from '../attachments/attachment.entity';
import type { Principal } from '../auth/principal';
import type { Page } from '../common/paging';
import { Client } from '../directory/entities/client.entity';
import { actorQueues } from '../queues/queue-access';
import { Comment } from '../requests/entities/comment.entity';
import { CustomerRequest } from '../requests/entities/customer-request.entity';
import { READ_ALL } from '../requests/processing/request-access';
import { SearchDocument } from './search-document.entity';
import { MariadbFulltextEngine, SearchEngine, SqliteFts5Engine, type MatchRow } from './search-engine';
import { firstMatch, searchTerms, snippetOf } from './search-query';
import type { SearchQueryDto } from './search.dto';

export interface SearchHit {
  matchedIn: 'subject' | 'description' | 'comment' | 'attachment';
  requestId: number | null;
  requestNumber: string | null;
  subject: string | null;
  clientId: number | null;
  clientName: string | null;
  commentId?: number;
  discussionId?: number;
  attachmentId?: number;
  fileName?: string;
  snippet: string;
}

/** GET /api/search: requests, comments and attachment text the caller may read, best matches first. */
@Injectable()
export class SearchService {
  private readonly engine: SearchEngine;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.engine = dataSource.options.type === 'better-sqlite3' ? new SqliteFts5Engine() : new MariadbFulltextEngine();
  }

  async search(actor: Principal, query: SearchQueryDto): Promise<Page<SearchHit>> {
    const manager = this.dataSource.manager;
    const terms = searchTerms(query.q);
    const access = {
      userId: actor.userId,
      readAll: actor.permissions.has(READ_ALL as never),
      queues: (await actorQueues(manager, actor)).member,
      clients: actor.permissions.has('directory.read'),
      // Every principal today is staff; a customer principal would pass ['customer'] here.
      visibilities: null,
    };
    const { rows, total } = await this.engine.match(manager, terms, access, { skip: (query.page - 1) * query.pageSize, take: query.pageSize });
    return { items: await this.hits(rows, terms), total, page: query.page, pageSize: query.pageSize };
  }

  private async hits(rows: MatchRow[], terms: string[]): Promise<SearchHit[]> {
    const manager = this.dataSource.manager;
    const ids = (type: string) => rows.filter((row) => row.ownerType === type).map((row) => row.ownerId);
    const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((item) => [item.id, item]));
    const requestIds = [...new Set(rows.map((row) => row.requestId).filter((id): id is number => id !== null))];
    const clientIds = [...new Set(rows.filter((row) => row.requestId === null).map((row) => row.clientId).filter((id): id is number => id !== null))];
    const [requests, comments, attachments, clients, chunks] = await Promise.all([
      requestIds.length ? manager.find(CustomerRequest, { where: { id: In(requestIds) }, select: { id: true, number: true, subject: true, clientId: true } }) : [],
      ids('comment').length ? manager.find(Comment, { where: { id: In(ids('comment')) }, select: { id: true, discussionId: true } }) : [],
      ids('attachment').length ? manager.find(Attachment, { where: { id: In(ids('attachment')) }, select: { id: true, fileName: true } }) : [],
      clientIds.length ? manager.find(Client, { where: { id: In(clientIds) }, select: { id: true, name: true } }) : [],
      rows.length ? manager.find(SearchDocument, { where: { id: In(rows.map((row) => row.docId)) }, select: { id: true, text: true } }) : [],
    ]);
    const [requestMap, commentMap, attachmentMap, clientMap, chunkMap] = [byId(requests), byId(comments), byId(attachments), byId(clients), byId(chunks)];
    return rows.map((row) => {
      const request = row.requestId === null ? undefined : requestMap.get(row.requestId);
      const client = row.clientId === null ? undefined : clientMap.get(row.clientId);
      const hit: SearchHit = {
        matchedIn: 'attachment',
        requestId: request?.id ?? null,
        requestNumber: request?.number ?? null,
        subject: request?.subject ?? null,
        clientId: request ? request.clientId : (client?.id ?? null),
        clientName: client?.name ?? null,
        snippet: snippetOf(chunkMap.get(row.docId)?.text ?? '', terms),
      };
      if (row.ownerType === 'request') hit.matchedIn = request && firstMatch(request.subject, terms) ? 'subject' : 'description';
      if (row.ownerType === 'comment') Object.assign(hit, { matchedIn: 'comment', commentId: row.ownerId, discussionId: commentMap.get(row.ownerId)?.discussionId });
      if (row.ownerType === 'attachment') Object.assign(hit, { attachmentId: row.ownerId, fileName: attachmentMap.get(row.ownerId)?.fileName });
      return hit;
    });
  }
}
