/** A problem the client can act on: it reaches the client as `{code, message, details}` with `status`. */
export interface ErrorDetail {
  path: string;
  message: string;
}

export class DocketError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DocketError';
  }
}

export const badRequest = (code: string, message: string, details: ErrorDetail[] = []) =>
  new DocketError(400, code, message, details);
export const unauthorized = (message = 'Sign in to continue') => new DocketError(401, 'unauthenticated', message);
export const forbidden = (message: string, code = 'forbidden') => new DocketError(403, code, message);
export const notFound = (what: string, id: string | number) =>
  new DocketError(404, 'not_found', `${what} ${id} does not exist`, [{ path: 'id', message: 'not found' }]);
export const conflict = (code: string, message: string, details: ErrorDetail[] = [], extra?: Record<string, unknown>) =>
  new DocketError(409, code, message, details, extra);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new DocketError(429, 'too_many_requests', message, [], { retryAfterSeconds });
