import type { EntityManager, EntityTarget } from 'typeorm';
import { formatRequestNumber, numberingYear } from '../domain/request-number';
import { RequestCounter } from '../entities/request-counter.entity';
import { isDuplicateKey } from './duplicate-key';

export interface YearCounter {
  year: number;
  lastNumber: number;
}

/**
 * The next number of the year. The UPDATE holds the counter row's lock until the transaction ends, so two
 * creators never get the same number and a rolled-back one gives its number back; the same SQL runs on both databases.
 */
export async function nextRequestNumber(manager: EntityManager, now: Date): Promise<string> {
  return nextYearlyNumber(manager, RequestCounter, 'REQ', now);
}

/** The same yearly numbering for another kind of record, with its own counter table (problems: `PRB`). */
export async function nextYearlyNumber(manager: EntityManager, counter: EntityTarget<YearCounter>, prefix: string, now: Date): Promise<string> {
  const year = numberingYear(now);
  for (let attempt = 0; attempt < 2; attempt++) {
    const updated = await manager.createQueryBuilder().update(counter).set({ lastNumber: () => 'lastNumber + 1' }).where('year = :year', { year }).execute();
    if (updated.affected) return formatRequestNumber(year, (await manager.findOneByOrFail(counter, { year })).lastNumber, prefix);
    try {
      await manager.insert(counter, { year, lastNumber: 1 });
      return formatRequestNumber(year, 1, prefix);
    } catch (error) {
      // Another transaction numbered the year's first request meanwhile: take the next one from its row.
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new Error(`could not number a request in ${year}`);
}
