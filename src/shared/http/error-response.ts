import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { DomainError, type DomainErrorKind } from '../domain-error.js';
import { InvalidAppend, WrongExpectedRevision } from '../../event-store/event-store.errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * The one body of every error: RFC 9457 problem details, with the stable `code` (and its `details`)
 * as extension members. `instance` (the request's path) is the filter's to add.
 */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly code: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface ErrorResponse {
  readonly status: number;
  readonly body: ProblemDetails;
}

/** A URN, not a URL: stable per code and never a link that could break or leave the deployment. */
export const problemType = (code: string): string => `urn:daftar:problem:${code}`;

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
    return problem(STATUS_OF_KIND[error.kind], error.code, error.message, error.details);
  }
  if (error instanceof WrongExpectedRevision) {
    return problem(
      HttpStatus.CONFLICT,
      error.code,
      'The record was changed by someone else meanwhile; reload it and try again',
      { currentRevision: error.actualRevision === 'no_stream' ? null : error.actualRevision.toString() },
    );
  }
  if (error instanceof InvalidAppend && error.tooLarge) {
    // The caller's content made the event too large (a long text, many items): theirs to shorten.
    return problem(
      HttpStatus.PAYLOAD_TOO_LARGE,
      'STREAM.EVENT_TOO_LARGE',
      'The change is larger than the ledger takes in one record; send less at once',
    );
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return problem(status, HTTP_CODES[status] ?? `HTTP.${status}`, httpMessage(error));
  }
  const fastify = fastifyError(error);
  if (fastify) return fastify;
  return problem(500, 'INTERNAL', 'An unexpected error occurred; it has been logged');
}

function problem(
  status: number,
  code: string,
  detail: string,
  details?: Readonly<Record<string, unknown>>,
): ErrorResponse {
  return { status, body: problemDetails(status, code, detail, details) };
}

/** Titled by the status, which a code always has: the same title for every occurrence of a type. */
export function problemDetails(
  status: number,
  code: string,
  detail: string,
  details?: Readonly<Record<string, unknown>>,
): ProblemDetails {
  const title = STATUS_CODES[status] ?? `HTTP ${status}`;
  const body = { type: problemType(code), title, status, detail, code };
  return details === undefined ? body : { ...body, details };
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
  if (known) return problem(known.status ?? status, known.code, known.message);
  // A JSON syntax error from the body parser carries a 400 and no FST code.
  if (status === 400 && error instanceof SyntaxError) {
    return problem(status, 'REQUEST.MALFORMED_JSON', `The body is not valid JSON: ${error.message}`);
  }
  return problem(status, HTTP_CODES[status] ?? `HTTP.${status}`, String(candidate.message ?? 'Bad request'));
}
