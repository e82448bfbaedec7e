import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService, changesBetween } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, DocketError, ErrorDetail, notFound } from '../common/docket-error';
import { definedFields } from '../common/defined-fields';
import { pageOf, type Page } from '../common/paging';
import { NotificationEvents } from '../notifications/notification-events';
import { actorQueues } from '../queues/queue-access';
import { ClosureService } from '../requests/closure/closure.service';
import { sanitizePlainText, sanitizeRichText } from '../requests/domain/rich-text';
import { STATUS_CLOSED, STATUS_RESOLVED } from '../requests/domain/route-outcome';
import { CustomerRequest } from '../requests/entities/customer-request.entity';
import { Idempotency } from '../requests/processing/idempotency';
import { READ_ALL, workableRequest } from '../requests/processing/request-access';
import { nextYearlyNumber } from '../requests/processing/request-numbers';
import { TopicForms } from '../requests/processing/request-context';
import type { RequestSummary } from '../requests/processing/versioned-update';
import { versionedCall } from '../requests/closure/versioned-call';
import { Problem } from './entities/problem.entity';
import { isProblemActive } from './problem-status';
import { ProblemCounter } from './entities/problem-counter.entity';
import { RequestProblemLink } from './entities/request-problem-link.entity';
import { tellCustomer } from './problem-notes';
import type { CreateProblemDto, ProblemEndingDto, ProblemLinksDto, ProblemListQuery, ProblemReasonDto, ProblemSolutionDto } from './problems.dto';

const AUDITED_FIELDS: (keyof Problem)[] = ['number', 'subject', 'status', 'isMass', 'knownSolution', 'workaround'];

export interface LinkedRequestView {
  id: number;
  number: string;
  subject: string;
  status: string;
  isOpen: boolean;
  queueId: number | null;
  resolvedByProblem: boolean;
}

/** A row of the problem list: the problem and how many requests it causes. */
export interface ProblemRow extends Problem {
  /** Every linked request, including those the reader cannot see. */
  linkedCount: number;
}

export interface ProblemView extends ProblemRow {
  /** The linked requests the reader may see. */
  requests: LinkedRequestView[];
}

/** Problems (causes of incidents), their links to requests, and resolving or reopening all of them at once. */
@Injectable()
export class ProblemsService {
  private readonly idempotency: Idempotency;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly closure: ClosureService,
    private readonly events: NotificationEvents,
  ) {
    this.idempotency = new Idempotency(dataSource);
  }

  create(actor: Principal, body: CreateProblemDto, key?: string, now = new Date()): Promise<Problem> {
    return this.idempotency.run(actor, key, { method: 'POST', path: '/api/problems', body, status: 201 }, async (manager) => {
      const subject = sanitizePlainText(body.subject);
      if (!subject) throw badRequest('invalid_problem', 'The problem is not valid', [{ path: 'subject', message: 'is empty once markup is removed' }]);
      const knownSolution = rich(body.knownSolution);
      const workaround = rich(body.workaround);
      const problem = manager.create(Problem, {
        number: await nextYearlyNumber(manager, ProblemCounter, 'PRB', now),
        subject,
        description: body.description === undefined ? null : sanitizeRichText(body.description),
        status: knownSolution || workaround ? 'known_error' : 'open',
        knownSolution,
        workaround,
        isMass: body.isMass ?? false,
        createdById: actor.userId,
        createdAt: now,
        updatedAt: now,
        resolvedAt: null,
      });
      await manager.save(problem);
      await this.record(manager, actor, problem.id, 'create', changesBetween(null, problem, AUDITED_FIELDS), now);
      return problem;
    });
  }

  async list(query: ProblemListQuery): Promise<Page<ProblemRow>> {
    const builder = this.dataSource.getRepository(Problem).createQueryBuilder('problem').orderBy('problem.id', 'DESC');
    if (query.status) builder.andWhere('problem.status = :status', { status: query.status });
    return pageOf(builder, query, (rows) => this.withLinkedCounts(rows));
  }

  /** One GROUP BY over the page's problems. */
  private async withLinkedCounts(rows: Problem[]): Promise<ProblemRow[]> {
    if (!rows.length) return [];
    const counts: { problemId: number | string; linked: number | string }[] = await this.dataSource
      .createQueryBuilder()
      .from(RequestProblemLink, 'link')
      .select('link.problemId', 'problemId')
      .addSelect('COUNT(*)', 'linked')
      .where('link.problemId IN (:...ids)', { ids: rows.map((row) => row.id) })
      .groupBy('link.problemId')
      .getRawMany();
    const byProblem = new Map(counts.map((count) => [Number(count.problemId), Number(count.linked)]));
    return rows.map((row) => ({ ...row, linkedCount: byProblem.get(row.id) ?? 0 }));
  }

  get(actor: Principal, id: number): Promise<ProblemView> {
    return this.view(this.dataSource.manager, actor, id);
  }

  /** Read through the caller's manager, so a write's answer sees its own transaction. */
  private async view(manager: EntityManager, actor: Principal, id: number): Promise<ProblemView> {
    const problem = await this.problem(manager, id);
    const links = await manager.find(RequestProblemLink, { where: { problemId: id }, order: { requestId: 'ASC' } });
    const requests = links.length ? await manager.find(CustomerRequest, { where: { id: In(links.map((link) => link.requestId)) }, order: { id: 'ASC' } }) : [];
    const member = new Set((await actorQueues(manager, actor)).member);
    const readAll = actor.permissions.has(READ_ALL as never);
    const visible = requests.filter((request) => readAll || (request.queueId === null ? request.createdById === actor.userId : member.has(request.queueId)));
    const byRequest = new Map(links.map((link) => [link.requestId, link]));
    return {
      ...problem,
      linkedCount: links.length,
      requests: visible.map((request) => ({ id: request.id, number: request.number, subject: request.subject, status: request.status, isOpen: request.isOpen, queueId: request.queueId, resolvedByProblem: byRequest.get(request.id)?.resolvedByProblem ?? false })),
    };
  }

  /** Links requests the caller works to the problem, all or none; a request already caused by another problem is refused. */
  link(actor: Principal, id: number, body: ProblemLinksDto, key?: string, now = new Date()): Promise<ProblemView> {
    return this.idempotency.run(actor, key, { method: 'POST', path: `/api/problems/${id}/requests`, body, status: 200 }, async (manager) => {
      const problem = await this.problem(manager, id);
      const issues: ErrorDetail[] = [];
      for (const [index, requestId] of body.requestIds.entries()) {
        try {
          await this.linkOne(manager, actor, problem, await workableRequest(manager, actor, requestId), now);
        } catch (error) {
          if (!(error instanceof DocketError) || error.status >= 500) throw error;
          issues.push({ path: `requestIds.${index}`, message: error.message });
        }
      }
      if (issues.length) throw badRequest('invalid_links', 'Some requests cannot be linked to the problem; nothing was linked', issues);
      return this.view(manager, actor, id);
    });
  }

  /** One request, at the version the client read (bulk work): one transaction, a stale version answers 409. */
  linkRequest(actor: Principal, problemId: number, requestId: number, expectedVersion: number, key?: string, now = new Date()): Promise<RequestSummary> {
    return versionedCall(this.dataSource, this.idempotency, actor, { path: `/api/problems/${problemId}/requests/${requestId}`, body: { expectedVersion }, idempotencyKey: key }, (manager) => workableRequest(manager, actor, requestId), async (manager, request) =>
      this.linkOne(manager, actor, await this.problem(manager, problemId), request, now),
    );
  }

  /** One request caused by the problem (the caller has checked access). */
  async linkOne(manager: EntityManager, actor: Principal, problem: Problem, request: CustomerRequest, now: Date): Promise<void> {
    const existing = await manager.findOneBy(RequestProblemLink, { requestId: request.id });
    if (existing?.problemId === problem.id) return;
    if (problem.status === 'closed' || problem.status === 'erroneous') throw conflict('problem_ended', `Problem ${problem.number} is ${problem.status}; reopen it to link requests`, [{ path: 'problemId', message: `status is ${problem.status}` }]);
    if (existing) {
      const other = await manager.findOneBy(Problem, { id: existing.problemId });
      throw conflict('already_linked', `Request ${request.number} is already caused by problem ${other?.number ?? existing.problemId}; unlink it first`, [{ path: 'requestId', message: 'linked to another problem' }]);
    }
    await manager.insert(RequestProblemLink, { requestId: request.id, problemId: problem.id, resolvedByProblem: false, linkedById: actor.userId, linkedAt: now });
    await this.audit.record(manager, actor, { entityType: 'request', entityId: request.id, action: 'problem.link', changes: [{ field: 'problem', old: null, new: problem.number }] }, now);
    await this.record(manager, actor, problem.id, 'link', [{ field: 'request', old: null, new: request.number }], now);
  }

  unlink(actor: Principal, id: number, body: ProblemLinksDto, key?: string, now = new Date()): Promise<ProblemView> {
    return this.idempotency.run(actor, key, { method: 'POST', path: `/api/problems/${id}/requests/unlink`, body, status: 200 }, async (manager) => {
      const problem = await this.problem(manager, id);
      const links = await manager.find(RequestProblemLink, { where: { problemId: id, requestId: In(body.requestIds) } });
      const requests = links.length ? await manager.find(CustomerRequest, { where: { id: In(links.map((link) => link.requestId)) } }) : [];
      for (const request of requests) {
        await workableRequest(manager, actor, request.id);
        await this.unlinkOne(manager, actor, problem, request, now);
      }
      return this.view(manager, actor, id);
    });
  }

  /** The known solution and workaround; each change is told to the customers of the linked open requests. */
  setSolution(actor: Principal, id: number, body: ProblemSolutionDto, key?: string, now = new Date()): Promise<Problem> {
    return this.idempotency.run(actor, key, { method: 'PUT', path: `/api/problems/${id}/solution`, body, status: 200 }, async (manager) => {
      const problem = await this.problem(manager, id);
      const given = definedFields(body);
      if (Object.keys(given).length === 0) throw badRequest('validation_failed', 'Give a known solution, a workaround or both', [{ path: 'knownSolution', message: 'nothing to change' }]);
      const before = { ...problem };
      for (const field of ['knownSolution', 'workaround'] as const) if (field in given) problem[field] = rich(given[field] ?? undefined);
      if (problem.status === 'open' && (problem.knownSolution || problem.workaround)) problem.status = 'known_error';
      problem.updatedAt = now;
      await manager.save(problem);
      const changes = changesBetween(before, problem, AUDITED_FIELDS);
      await this.record(manager, actor, id, 'solution', changes, now);
      const told = changes.filter((change) => (change.field === 'knownSolution' || change.field === 'workaround') && change.new !== null);
      if (told.length === 0) return problem;
      for (const request of await this.linkedRequests(manager, id, (request) => request.isOpen)) {
        await tellCustomer(manager, actor, request, problem, told.map((change) => change.field as 'knownSolution' | 'workaround'), now, this.events);
        await this.audit.record(manager, actor, { entityType: 'request', entityId: request.id, action: 'problem.solution', changes: told.map((change) => ({ ...change, field: `problem.${change.field}` })) }, now);
      }
      return problem;
    });
  }

  /** The fix is in: every linked open request is resolved through the closure path and waits for its customer. */
  resolve(actor: Principal, id: number, body: ProblemReasonDto, key?: string, now = new Date()): Promise<ProblemView> {
    return this.idempotency.run(actor, key, { method: 'POST', path: `/api/problems/${id}/resolve`, body, status: 200 }, async (manager) => {
      const problem = await this.problem(manager, id);
      if (!isProblemActive(problem.status)) throw conflict('problem_resolved', `Problem ${problem.number} is already ${problem.status}`, [{ path: 'id', message: problem.status }]);
      const before = { ...problem };
      Object.assign(problem, { status: 'resolved', resolvedAt: now, updatedAt: now });
      await manager.save(problem);
      const requests = await this.linkedRequests(manager, id, (request) => request.isOpen && request.status !== STATUS_RESOLVED);
      const forms = new TopicForms(manager);
      for (const request of requests) {
        await this.closure.closure.resolve(manager, actor, request, request.version, `${problem.number}: ${body.reason}`, now, forms);
        await manager.update(RequestProblemLink, { requestId: request.id }, { resolvedByProblem: true });
      }
      await this.record(manager, actor, id, 'resolve', [...changesBetween(before, problem, AUDITED_FIELDS), { field: 'reason', old: null, new: body.reason }, { field: 'resolvedRequests', old: null, new: requests.map((request) => request.number) }], now);
      return this.view(manager, actor, id);
    });
  }

  /** The fix failed: the problem is open again, and the requests it resolved go back to work. */
  reopen(actor: Principal, id: number, body: ProblemReasonDto, key?: string, now = new Date()): Promise<ProblemView> {
    return this.idempotency.run(actor, key, { method: 'POST', path: `/api/problems/${id}/reopen`, body, status: 200 }, async (manager) => {
      const problem = await this.problem(manager, id);
      if (isProblemActive(problem.status)) throw conflict('problem_not_resolved', `Problem ${problem.number} is ${problem.status}, not resolved or ended`, [{ path: 'id', message: problem.status }]);
      const before = { ...problem };
      Object.assign(problem, { status: problem.knownSolution || problem.workaround ? 'known_error' : 'open', resolvedAt: null, updatedAt: now });
      await manager.save(problem);
      const resolvedByIt = new Set((await manager.find(RequestProblemLink, { where: { problemId: id, resolvedByProblem: true } })).map((link) => link.requestId));
      const requests = await this.linkedRequests(manager, id, (request) => resolvedByIt.has(request.id) && (request.status === STATUS_RESOLVED || request.status === STATUS_CLOSED));
      const forms = new TopicForms(manager);
      for (const request of requests) {
        await this.closure.closure.reopen(manager, actor, request, request.version, { action: 'problem.reopen', reason: `${problem.number}: ${body.reason}` }, now, forms);
      }
      if (resolvedByIt.size) await manager.update(RequestProblemLink, { problemId: id, resolvedByProblem: true }, { resolvedByProblem: false });
      await this.record(manager, actor, id, 'reopen', [...changesBetween(before, problem, AUDITED_FIELDS), { field: 'reason', old: null, new: body.reason }, { field: 'reopenedRequests', old: null, new: requests.map((request) => request.number) }], now);
      return this.view(manager, actor, id);
    });
  }

  /**
   * The problem's end. `closed`, once resolved, when its fix has held; `unresolvable`, while open or a known error, when
   * its cause cannot be removed (its requests stay as they are, with the workaround); `erroneous`, likewise, when it
   * was recorded by mistake (its requests are unlinked, free to be linked to their real cause). Reopen undoes any.
   */
  end(actor: Principal, id: number, body: ProblemEndingDto, key?: string, now = new Date()): Promise<ProblemView> {
    return this.idempotency.run(actor, key, { method: 'POST', path: `/api/problems/${id}/end`, body, status: 200 }, async (manager) => {
      const problem = await this.problem(manager, id);
      const allowed = body.outcome === 'closed' ? problem.status === 'resolved' : isProblemActive(problem.status);
      if (!allowed) throw conflict('problem_state', `Problem ${problem.number} is ${problem.status}: it can be ${body.outcome} only when ${body.outcome === 'closed' ? 'resolved' : 'open or a known error'}`, [{ path: 'outcome', message: `status is ${problem.status}` }]);
      const before = { ...problem };
      Object.assign(problem, { status: body.outcome, updatedAt: now });
      await manager.save(problem);
      const unlinked = body.outcome === 'erroneous' ? await this.linkedRequests(manager, id, () => true) : [];
      for (const request of unlinked) await this.unlinkOne(manager, actor, problem, request, now);
      const changes = [...changesBetween(before, problem, AUDITED_FIELDS), { field: 'reason', old: null, new: body.reason }, ...(unlinked.length ? [{ field: 'unlinkedRequests', old: null, new: unlinked.map((request) => request.number) }] : [])];
      await this.record(manager, actor, id, body.outcome, changes, now);
      return this.view(manager, actor, id);
    });
  }

  private async unlinkOne(manager: EntityManager, actor: Principal, problem: Problem, request: CustomerRequest, now: Date): Promise<void> {
    await manager.delete(RequestProblemLink, { requestId: request.id });
    await this.audit.record(manager, actor, { entityType: 'request', entityId: request.id, action: 'problem.unlink', changes: [{ field: 'problem', old: problem.number, new: null }] }, now);
    await this.record(manager, actor, problem.id, 'unlink', [{ field: 'request', old: request.number, new: null }], now);
  }

  async problem(manager: EntityManager, id: number): Promise<Problem> {
    const problem = await manager.findOneBy(Problem, { id });
    if (!problem) throw notFound('Problem', id);
    return problem;
  }

  private async linkedRequests(manager: EntityManager, problemId: number, keep: (request: CustomerRequest) => boolean): Promise<CustomerRequest[]> {
    const ids = (await manager.find(RequestProblemLink, { where: { problemId }, select: { requestId: true } })).map((link) => link.requestId);
    return ids.length ? (await manager.find(CustomerRequest, { where: { id: In(ids) }, order: { id: 'ASC' } })).filter(keep) : [];
  }

  private record(manager: EntityManager, actor: Principal, id: number, action: string, changes: { field: string; old: unknown; new: unknown }[], now: Date): Promise<void> {
    return this.audit.record(manager, actor, { entityType: 'problem', entityId: id, action, changes }, now);
  }
}

/** Solutions and workarounds are rich text, like descriptions: they go into customer discussions as they are. */
function rich(text: string | undefined): string | null {
  return text === undefined ? null : sanitizeRichText(text) || null;
}
