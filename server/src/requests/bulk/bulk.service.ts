import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { DocketError } from '../../common/docket-error';
import { ProblemsService } from '../../problems/problems.service';
import { CustomerRequest } from '../entities/customer-request.entity';
import { ProcessingService } from '../processing.service';
import type { RequestSummary } from '../processing/versioned-update';
import { parseBulkParams, type BulkParams } from './bulk-params';
import type { BulkRequestsDto } from './bulk.dto';

export interface BulkResult {
  id: number;
  ok: boolean;
  /** `ok`, or the error code the single call would have answered. */
  code: string;
  message: string;
  /** The request's version after the change. */
  version?: number;
}

export interface BulkReport {
  action: string;
  succeeded: number;
  failed: number;
  results: BulkResult[];
}

interface CallContext {
  actor: Principal;
  id: number;
  expectedVersion: number;
  idempotencyKey?: string;
  acceptLanguage?: string;
}

/** One entry per action: the single-request service call it stands for, with that call's checks. */
const ACTIONS: { [A in BulkParams['action']]: (services: { processing: ProcessingService; problems: ProblemsService }, params: Extract<BulkParams, { action: A }>, call: CallContext) => Promise<RequestSummary> } = {
  assign: ({ processing }, params, call) => processing.assign(call.actor, call.id, { expectedVersion: call.expectedVersion, assigneeId: params.assigneeId }, { idempotencyKey: call.idempotencyKey, path: `/api/requests/${call.id}/assign` }),
  transition: ({ processing }, params, call) =>
    processing.transition(call.actor, call.id, { expectedVersion: call.expectedVersion, transitionId: params.transitionId, tokenId: params.tokenId, changes: params.changes }, { idempotencyKey: call.idempotencyKey, acceptLanguage: call.acceptLanguage, path: `/api/requests/${call.id}/transitions` }),
  setAttribute: ({ processing }, params, call) =>
    processing.updateAttributes(call.actor, call.id, { expectedVersion: call.expectedVersion, values: params.values }, { idempotencyKey: call.idempotencyKey, acceptLanguage: call.acceptLanguage, path: `/api/requests/${call.id}/attributes` }),
  linkProblem: ({ problems }, params, call) => problems.linkRequest(call.actor, params.problemId, call.id, call.expectedVersion, call.idempotencyKey),
};

/**
 * One action on many requests. Each request goes through the same service call as alone (access, version,
 * validation, journal) in a transaction of its own, so one refusal leaves the others done, and each is reported.
 */
@Injectable()
export class BulkService {
  private readonly logger = new Logger('bulk');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly processing: ProcessingService,
    private readonly problems: ProblemsService,
  ) {}

  async run(actor: Principal, body: BulkRequestsDto, options: { idempotencyKey?: string; acceptLanguage?: string }): Promise<BulkReport> {
    const params = parseBulkParams(body.action, body.params, body.expectedVersions);
    const results: BulkResult[] = [];
    for (const id of [...new Set(body.ids)]) {
      const expectedVersion = body.expectedVersions?.[String(id)] ?? (await this.currentVersion(id));
      // A retried bulk call replays each request's first answer: the key is derived per request.
      const idempotencyKey = options.idempotencyKey === undefined ? undefined : `bulk:${createHash('sha256').update(options.idempotencyKey).digest('hex').slice(0, 32)}:${id}`;
      const run = ACTIONS[params.action] as (services: { processing: ProcessingService; problems: ProblemsService }, params: BulkParams, call: CallContext) => Promise<RequestSummary>;
      try {
        const summary = await run({ processing: this.processing, problems: this.problems }, params, { actor, id, expectedVersion, idempotencyKey, acceptLanguage: options.acceptLanguage });
        results.push({ id, ok: true, code: 'ok', message: `${summary.number} done`, version: summary.version });
      } catch (error) {
        if (error instanceof DocketError) {
          results.push({ id, ok: false, code: error.code, message: error.message });
          continue;
        }
        this.logger.error(`bulk ${body.action} on request ${id} failed: ${(error as Error).message}`);
        results.push({ id, ok: false, code: 'internal_error', message: 'The request could not be changed; nothing was changed on it' });
      }
    }
    const succeeded = results.filter((result) => result.ok).length;
    return { action: body.action, succeeded, failed: results.length - succeeded, results };
  }

  /** No version given: the request as it is now (the single call still checks access before anything else). */
  private async currentVersion(id: number): Promise<number> {
    return (await this.dataSource.getRepository(CustomerRequest).findOne({ where: { id }, select: { id: true, version: true } }))?.version ?? 0;
  }
}
