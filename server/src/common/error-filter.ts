import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DocketError, ErrorDetail } from './docket-error';
import type { PageFallback } from './static-console';

export interface ErrorBody {
  code: string;
  message: string;
  details: ErrorDetail[];
  [extra: string]: unknown;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/** Fastify raises these before a controller runs; clients still get the one error shape. */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json', message: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json', message: 'The JSON request body is empty' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: 'Send application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request', message: 'Content-Length does not match the body' },
};

const DUPLICATE_KEY_CODES = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** Turns anything thrown while serving a request into `{code, message, details}`; never a stack. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody; logged?: string } {
  if (error instanceof DocketError) {
    return { status: error.status, body: { ...error.extra, code: error.code, message: error.message, details: error.details } };
  }
  // Nest wraps Fastify's body-parsing errors in an HttpException whose cause keeps Fastify's code.
  const fastifyCode = ((error as { cause?: { code?: string } })?.cause ?? (error as { code?: string }))?.code;
  const known = fastifyCode ? FASTIFY_ERRORS[fastifyCode] : undefined;
  if (known) return { status: known.status, body: { code: known.code, message: known.message, details: [] } };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    if (typeof response === 'object' && response !== null && 'code' in response) {
      const body = response as ErrorBody;
      return { status, body: { ...body, details: body.details ?? [] } };
    }
    const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? error.message);
    return { status, body: { code: CODE_BY_STATUS[status] ?? 'error', message: String(message), details: [] } };
  }
  const statusCode = (error as { statusCode?: number })?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, body: { code: CODE_BY_STATUS[statusCode] ?? 'bad_request', message: String((error as Error).message), details: [] } };
  }
  if (error instanceof QueryFailedError && DUPLICATE_KEY_CODES.has(String((error.driverError as { code?: string })?.code))) {
    return { status: 409, body: { code: 'duplicate', message: 'A record with the same unique value already exists', details: [] } };
  }
  const reference = randomUUID();
  return {
    status: 500,
    body: { code: 'internal_error', message: `Internal error (reference ${reference})`, details: [] },
    logged: reference,
  };
}

@Catch()
export class DocketErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  constructor(private readonly pageFallback: PageFallback = () => false) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    // Nest answers unmatched routes with NotFoundException; console deep links are pages, not errors.
    if (error instanceof NotFoundException && this.pageFallback(host.switchToHttp().getRequest<FastifyRequest>(), reply)) return;
    const { status, body, logged } = toErrorResponse(error);
    if (logged) this.logger.error({ reference: logged, error: describe(error) });
    const retryAfter = body.retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('Retry-After', String(retryAfter));
    void reply.status(status).send(body);
  }
}

function describe(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) };
}
