import { RouteError, type RouteIssue } from '../../../workflows/index';
import { badRequest, conflict, DocketError } from '../common/docket-error';

/** A route or BPMN file the library refused becomes a 400 with the library's code and located details. */
export async function orRouteRefusal<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RouteError) throw badRequest(error.code, error.message, error.details);
    throw error;
  }
}

export const versionFrozen = (version: number, state: string) =>
  conflict('version_frozen', `Version ${version} is ${state}; published versions never change — save a new draft instead`, [{ path: 'version', message: `${state}, not a draft` }]);

export const noDraft = (routeId: number) => new DocketError(404, 'not_found', `Route ${routeId} has no draft`, [{ path: 'draft', message: 'not found' }]);

export const routeNotPublishable = (version: number, errors: RouteIssue[]) =>
  badRequest('route_not_publishable', `Version ${version} cannot be published (${errors.length} problem${errors.length === 1 ? '' : 's'})`, errors);
