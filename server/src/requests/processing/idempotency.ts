import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { badRequest, conflict } from '../../common/docket-error';
import { revisionReadBefore } from '../../database/configuration-cache';
import { IdempotencyRecord } from '../entities/idempotency-record.entity';
import { isDuplicateKey } from './duplicate-key';

const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/;

export interface MutatingCall {
  method: string;
  path: string;
  body: unknown;
  /** The status the endpoint answers with, kept with the response. */
  status: number;
}

/**
 * Runs a mutating call once per `Idempotency-Key`: the key is claimed by a row inserted first in the call's
 * own transaction, so a concurrent retry waits on it and then replays the stored response, and a call that
 * failed left no row and may be retried for real.
 */
export class Idempotency {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(actor: Principal, key: string | undefined, call: MutatingCall, callersWork: (manager: EntityManager) => Promise<T>): Promise<T> {
    const work = (manager: EntityManager) => {
      revisionReadBefore(manager, actor.configurationRevision);
      return callersWork(manager);
    };
    if (key === undefined) return this.dataSource.transaction(work);
    if (!KEY_PATTERN.test(key)) throw badRequest('invalid_idempotency_key', 'The Idempotency-Key header must be 1 to 128 printable ASCII characters', [{ path: 'Idempotency-Key', message: 'invalid' }]);
    const fingerprint = createHash('sha256').update(`${call.method} ${call.path}\n${JSON.stringify(call.body ?? null)}`).digest('hex');
    const earlier = await this.find(actor.userId, key);
    if (earlier) return this.replay<T>(earlier, fingerprint);
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.insert(IdempotencyRecord, { userId: actor.userId, idempotencyKey: key, fingerprint, responseStatus: 0, responseBody: null as never, createdAt: new Date() });
        const result = await work(manager);
        await manager.update(IdempotencyRecord, { userId: actor.userId, idempotencyKey: key }, { responseStatus: call.status, responseBody: result as never });
        return result;
      });
    } catch (error) {
      const winner = isDuplicateKey(error) ? await this.find(actor.userId, key) : null;
      if (winner) return this.replay<T>(winner, fingerprint);
      throw error;
    }
  }

  private find(userId: number, key: string): Promise<IdempotencyRecord | null> {
    return this.dataSource.getRepository(IdempotencyRecord).findOneBy({ userId, idempotencyKey: key });
  }

  private replay<T>(record: IdempotencyRecord, fingerprint: string): T {
    if (record.fingerprint !== fingerprint) {
      throw conflict('idempotency_key_reused', 'This Idempotency-Key was used for a different call', [{ path: 'Idempotency-Key', message: 'already used with another method, path or body' }]);
    }
    return record.responseBody as T;
  }
}
