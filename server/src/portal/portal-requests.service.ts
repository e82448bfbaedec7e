import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Principal } from '../auth/principal';
import { badRequest, DocketError } from '../common/docket-error';
import { pageOf, type Page } from '../common/paging';
import { Channel } from '../directory/entities/channel.entity';
import { ClosureService } from '../requests/closure/closure.service';
import type { ConfirmSolutionDto, ReasonedChangeDto } from '../requests/closure/closure.dto';
import { requestForVoice } from '../requests/closure/customer-side';
import { RequestRating } from '../requests/closure/request-rating.entity';
import { DiscussionsService } from '../requests/discussions.service';
import { customerClassification } from '../requests/domain/priority-matrix';
import { STATUS_RESOLVED } from '../requests/domain/route-outcome';
import type { CreateCommentDto, CreateContactDto } from '../requests/dto/requests.dto';
import { Comment } from '../requests/entities/comment.entity';
import { CustomerRequest } from '../requests/entities/customer-request.entity';
import { Discussion } from '../requests/entities/discussion.entity';
import { IntakeService } from '../requests/intake.service';
import { Idempotency } from '../requests/processing/idempotency';
import { TopicNode } from '../topics/entities/topic-node.entity';
import { customerOf, voiceOf, type Customer } from './customer-access';
import type { PortalRequestDto, PortalRequestListQuery } from './portal.dto';
import { PortalFormsService } from './portal-forms.service';
import { currentPriorityMatrix } from '../requests/processing/configured-priorities';

/** Channels a portal contact is registered through, by preference; without them, the first channel. */
const PORTAL_CHANNELS = ['portal', 'web'];

export interface PortalRequestSummary {
  id: number;
  number: string;
  subject: string;
  status: string;
  isOpen: boolean;
  resolution: string | null;
  topic: { id: number; name: string } | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

export interface PortalComment {
  id: number;
  authorName: string;
  mine: boolean;
  /** Sanitised HTML. */
  body: string;
  createdAt: Date;
}

export interface PortalRequestDetail extends PortalRequestSummary {
  description: string | null;
  version: number;
  /** Resolved and waiting for the customer to confirm (with a rating) or reject the solution. */
  awaitingConfirmation: boolean;
  rating: { rating: number | null; comment: string | null; byTimeout: boolean; createdAt: Date } | null;
  comments: PortalComment[];
}

/** A customer's requests: submitted, followed, commented, confirmed or rejected; every one of their own company only. */
@Injectable()
export class PortalRequestsService {
  private readonly idempotency: Idempotency;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: IntakeService,
    private readonly discussions: DiscussionsService,
    private readonly closure: ClosureService,
    private readonly forms: PortalFormsService,
  ) {
    this.idempotency = new Idempotency(dataSource);
  }

  async submit(actor: Principal, body: PortalRequestDto, options: { idempotencyKey?: string; acceptLanguage?: string }): Promise<PortalRequestDetail> {
    const manager = this.dataSource.manager;
    const customer = await customerOf(manager, actor);
    if (!(await this.forms.offered(manager, body.topicId))) throw badRequest('invalid_request', 'The request is not valid', [{ path: 'topicId', message: 'not offered in the portal' }]);
    const matrix = await currentPriorityMatrix(manager);
    const contact: CreateContactDto = {
      channelId: await portalChannel(manager),
      clientId: customer.clientId,
      ...(customer.contactPersonId === null ? {} : { contactPersonId: customer.contactPersonId }),
      requests: [
        {
          topicId: body.topicId,
          type: body.type ?? 'incident',
          ...customerClassification(matrix, body.urgency),
          subject: body.subject,
          ...(body.description === undefined ? {} : { description: body.description }),
          ...(body.attributes === undefined ? {} : { attributes: body.attributes }),
        },
      ],
    };
    const registered = await this.intake.register(actor, contact, options).catch((error: unknown) => {
      throw error instanceof DocketError ? asPortalError(error) : error;
    });
    return this.detail(actor, registered.requests[0].id);
  }

  async list(actor: Principal, query: PortalRequestListQuery): Promise<Page<PortalRequestSummary>> {
    const customer = await customerOf(this.dataSource.manager, actor);
    const builder = this.dataSource.getRepository(CustomerRequest).createQueryBuilder('r').where('r.clientId = :clientId', { clientId: customer.clientId }).orderBy('r.id', 'DESC');
    if (query.status !== undefined) builder.andWhere('r.status = :status', { status: query.status });
    if (query.open !== undefined) builder.andWhere('r.isOpen = :open', { open: query.open ? 1 : 0 });
    return pageOf(builder, query, (rows) => this.summaries(this.dataSource.manager, rows));
  }

  async detail(actor: Principal, id: number): Promise<PortalRequestDetail> {
    const manager = this.dataSource.manager;
    const request = await requestForVoice(manager, voiceOf(actor, await customerOf(manager, actor)), id);
    const [summary] = await this.summaries(manager, [request]);
    const [rating] = await manager.find(RequestRating, { where: { requestId: id }, order: { id: 'DESC' }, take: 1 });
    return {
      ...summary,
      description: request.description,
      version: request.version,
      awaitingConfirmation: request.status === STATUS_RESOLVED,
      rating: rating ? { rating: rating.rating, comment: rating.comment, byTimeout: rating.byTimeout, createdAt: rating.createdAt } : null,
      comments: await this.customerComments(manager, actor, id),
    };
  }

  /** Into the request's customer discussion, opened on the first comment when staff have not opened one. */
  async comment(actor: Principal, id: number, body: CreateCommentDto, idempotencyKey: string | undefined, now = new Date()): Promise<PortalComment> {
    return this.idempotency.run(actor, idempotencyKey, { method: 'POST', path: `/api/portal/requests/${id}/comments`, body, status: 201 }, async (manager) => {
      await requestForVoice(manager, voiceOf(actor, await customerOf(manager, actor)), id);
      const discussionId = await this.discussions.customerDiscussion(manager, actor, id, now);
      const comment = await this.discussions.write(manager, actor, id, discussionId, body, now);
      return { id: comment.id, authorName: await authorName(manager, actor.userId), mine: true, body: comment.body, createdAt: comment.createdAt };
    });
  }

  async confirm(actor: Principal, id: number, body: ConfirmSolutionDto, idempotencyKey?: string): Promise<PortalRequestDetail> {
    await this.closure.confirm(voiceOf(actor, await this.customer(actor)), id, body, idempotencyKey);
    return this.detail(actor, id);
  }

  async reject(actor: Principal, id: number, body: ReasonedChangeDto, idempotencyKey?: string): Promise<PortalRequestDetail> {
    await this.closure.rejectSolution(voiceOf(actor, await this.customer(actor)), id, body, idempotencyKey);
    return this.detail(actor, id);
  }

  private customer(actor: Principal): Promise<Customer> {
    return customerOf(this.dataSource.manager, actor);
  }

  private async customerComments(manager: EntityManager, actor: Principal, requestId: number): Promise<PortalComment[]> {
    const discussions = await manager.find(Discussion, { where: { requestId, visibility: 'customer' } });
    if (discussions.length === 0) return [];
    const comments = await manager.find(Comment, { where: { discussionId: In(discussions.map((discussion) => discussion.id)) }, order: { id: 'ASC' } });
    const authorIds = [...new Set(comments.map((comment) => comment.authorId).filter((authorId): authorId is number => authorId !== null))];
    const names = new Map<number, string>();
    if (authorIds.length) {
      const rows = (await manager.query(`SELECT id, name FROM users WHERE id IN (${authorIds.map(() => '?').join(', ')})`, authorIds)) as { id: number | string; name: string }[];
      for (const row of rows) names.set(Number(row.id), row.name);
    }
    return comments.map((comment) => ({ id: comment.id, authorName: (comment.authorId !== null && names.get(comment.authorId)) || comment.authorLogin, mine: comment.authorId === actor.userId, body: comment.body, createdAt: comment.createdAt }));
  }

  private async summaries(manager: EntityManager, rows: CustomerRequest[]): Promise<PortalRequestSummary[]> {
    const topicIds = [...new Set(rows.map((row) => row.topicId))];
    const topics = topicIds.length ? await manager.findBy(TopicNode, { id: In(topicIds) }) : [];
    return rows.map((row) => {
      const topic = topics.find((candidate) => candidate.id === row.topicId);
      return { id: row.id, number: row.number, subject: row.subject, status: row.status, isOpen: row.isOpen, resolution: row.resolution, topic: topic ? { id: topic.id, name: topic.name } : null, createdAt: row.createdAt, updatedAt: row.updatedAt, closedAt: row.closedAt };
    });
  }
}

async function portalChannel(manager: EntityManager): Promise<number | undefined> {
  const channels = await manager.find(Channel, { where: { active: true }, order: { position: 'ASC', id: 'ASC' } });
  const preferred = PORTAL_CHANNELS.map((code) => channels.find((channel) => channel.code.toLowerCase() === code)).find(Boolean);
  return (preferred ?? channels[0])?.id;
}

async function authorName(manager: EntityManager, userId: number): Promise<string> {
  const [row] = (await manager.query('SELECT name FROM users WHERE id = ?', [userId])) as { name: string }[];
  return row?.name ?? '';
}

/** Intake speaks of `requests.0.<field>`; the portal submits one request, so its fields are named plainly. */
function asPortalError(error: DocketError): DocketError {
  const details = error.details.map((detail) => ({ ...detail, path: detail.path.replace(/^requests\.0\./, '') }));
  return new DocketError(error.status, error.code, error.message, details, error.extra);
}
