/** One problem, located: `path` is a JSON pointer into the route or the BPMN element id. */
export interface RouteIssue {
  path: string;
  message: string;
}

/**
 * A route (or a BPMN file) that cannot be used. Shaped like the server's `DocketError` details so the
 * API maps it one to one: `{code, message, details:[{path, message}]}`.
 */
export class RouteError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: RouteIssue[] = [],
  ) {
    super(message);
    this.name = 'RouteError';
  }
}
