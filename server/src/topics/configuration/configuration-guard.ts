import type { EntityManager } from 'typeorm';
import type { TopicConfiguration } from '../resolution/definitions';
import { invalidConfiguration } from '../topics.errors';
import { configurationIssues, type ChangeScope } from './configuration-checks';
import { loadConfiguration } from './configuration.repository';

/** Id given to a row not yet inserted, so the candidate configuration can be checked before anything is written. */
export const NEW_ID = -1;

/**
 * Builds the configuration as it would be after a change and refuses the change (400, every problem with
 * its path) unless it is valid. Runs inside the change's transaction, before anything is written.
 */
export async function assertValidChange(manager: EntityManager, change: (current: TopicConfiguration) => TopicConfiguration, scope: ChangeScope): Promise<TopicConfiguration> {
  const candidate = change(await loadConfiguration(manager));
  const issues = configurationIssues(candidate, scope);
  if (issues.length) throw invalidConfiguration(issues);
  return candidate;
}
