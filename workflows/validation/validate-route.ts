import { RouteGraph } from '../model/route-graph';
import { parseRoute } from '../model/parse-route';
import { checkReferences } from './references';
import { checkStructure } from './structure';
import { IssueList, type PublishReferences, type RouteValidation } from './validation.types';

/**
 * Everything checked before a route version is published. Throws `RouteError('invalid_route')` when the
 * input is not a route at all; otherwise lists errors (block publishing) and warnings.
 */
export function validateRouteForPublishing(input: unknown, references: PublishReferences): RouteValidation {
  const graph = new RouteGraph(parseRoute(input));
  const issues = new IssueList();
  checkStructure(graph, issues);
  checkReferences(graph, references, issues);
  return { ok: issues.errors.length === 0, errors: issues.errors, warnings: issues.warnings };
}
