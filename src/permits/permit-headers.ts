import { applyDecorators } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse } from '@nestjs/swagger';
import { PermitResponseDto } from './get-permit/permit.response.dto.js';

/** What every permit command answers: the file after the step, 404 for files not the caller's, 409 refusals. */
export const PermitCommandResponses = (refusals: string) =>
  applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'the ETag last seen ("3") or *; another, or a weak one, is 412',
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'a retry returns the first answer; the key with another request is 422',
    }),
    ApiCreatedResponse({ type: PermitResponseDto, description: 'the file after the step' }),
    ApiNotFoundResponse({ description: 'PERMIT.NOT_FOUND: unknown, or not a file the caller acts on' }),
    ApiConflictResponse({ description: refusals }),
  );
