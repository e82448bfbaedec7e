import { badRequest, conflict, type ErrorDetail } from '../common/docket-error';

/** The stable error codes of the topics domain; each reaches the client as `{code, message, details}`. */
export const invalidConfiguration = (details: ErrorDetail[]) =>
  badRequest('invalid_configuration', `The configuration is not valid: ${details[0]?.message ?? 'see details'}`, details);

export const duplicateCode = (what: string, code: string) => conflict('duplicate', `The ${what} code "${code}" is taken`, [{ path: 'code', message: 'already taken' }]);

export const inUse = (message: string, path: string, reason: string) => conflict('in_use', message, [{ path, message: reason }]);

export const unknownReference = (what: string, id: number, path: string) => badRequest(`unknown_${what.replace(/ /g, '_')}`, `Unknown ${what} ${id}`, [{ path, message: `unknown ${what}` }]);
