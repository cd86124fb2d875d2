import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, type DomainErrorKind } from '../domain-error.js';
import { WrongExpectedRevision } from '../../event-store/event-store.errors.js';

/** The one body shape of every error: `{ code, message, details? }`. */
export interface ErrorBody {
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface ErrorResponse {
  readonly status: number;
  readonly body: ErrorBody;
}

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  precondition_failed: HttpStatus.PRECONDITION_FAILED,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Fastify's own refusals, mostly raised before a route runs; `status` overrides the one they carry. */
const FASTIFY_CODES: Record<string, { code: string; message: string; status?: number }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'REQUEST.MALFORMED_JSON', message: 'The body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'REQUEST.MALFORMED_JSON',
    message: 'The body is empty but declared as JSON',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'REQUEST.TOO_LARGE',
    message: 'The body is larger than this endpoint accepts',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    message: 'This content type is not accepted',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'REQUEST.BAD_CONTENT_LENGTH',
    message: 'Content-Length does not match the body',
  },
  // @fastify/multipart's, raised while a handler reads the parts.
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    code: 'REQUEST.NOT_MULTIPART',
    message: 'Send the file as multipart/form-data',
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  },
  FST_REQ_FILE_TOO_LARGE: {
    code: 'ATTACHMENT.TOO_LARGE',
    message: 'The file is larger than this endpoint accepts',
  },
  FST_FILES_LIMIT: { code: 'REQUEST.TOO_MANY_FILES', message: 'Send one file per request' },
  FST_PARTS_LIMIT: {
    code: 'REQUEST.TOO_MANY_PARTS',
    message: 'The form has more parts than this endpoint accepts',
  },
  FST_FIELDS_LIMIT: {
    code: 'REQUEST.TOO_MANY_PARTS',
    message: 'The form has more fields than this endpoint accepts',
  },
};

const HTTP_CODES: Record<number, string> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'HTTP.NOT_FOUND',
  405: 'HTTP.METHOD_NOT_ALLOWED',
  406: 'HTTP.NOT_ACCEPTABLE',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  429: 'HTTP.TOO_MANY_REQUESTS',
};

/** Maps anything thrown while serving a request to a status and body; unknown errors are a 500. */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof DomainError) {
    return { status: STATUS_OF_KIND[error.kind], body: body(error.code, error.message, error.details) };
  }
  if (error instanceof WrongExpectedRevision) {
    return {
      status: HttpStatus.CONFLICT,
      body: body(error.code, 'The record was changed by someone else meanwhile; reload it and try again', {
        currentRevision: error.actualRevision === 'no_stream' ? null : error.actualRevision.toString(),
      }),
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return { status, body: body(HTTP_CODES[status] ?? `HTTP.${status}`, httpMessage(error)) };
  }
  const fastify = fastifyError(error);
  if (fastify) return fastify;
  return { status: 500, body: body('INTERNAL', 'An unexpected error occurred; it has been logged') };
}

function body(code: string, message: string, details?: Readonly<Record<string, unknown>>): ErrorBody {
  return details === undefined ? { code, message } : { code, message, details };
}

function httpMessage(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : error.message;
}

function fastifyError(error: unknown): ErrorResponse | undefined {
  const candidate = error as { code?: unknown; statusCode?: unknown; message?: unknown } | null;
  if (!candidate || typeof candidate.statusCode !== 'number') return undefined;
  const status = candidate.statusCode;
  if (status < 400 || status >= 500) return undefined;
  const known = typeof candidate.code === 'string' ? FASTIFY_CODES[candidate.code] : undefined;
  if (known) return { status: known.status ?? status, body: body(known.code, known.message) };
  // A JSON syntax error from the body parser carries a 400 and no FST code.
  if (status === 400 && error instanceof SyntaxError) {
    return { status, body: body('REQUEST.MALFORMED_JSON', `The body is not valid JSON: ${error.message}`) };
  }
  return {
    status,
    body: body(HTTP_CODES[status] ?? `HTTP.${status}`, String(candidate.message ?? 'Bad request')),
  };
}
