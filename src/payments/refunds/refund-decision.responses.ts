import { applyDecorators } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import type { Role } from '../../identity/roles.js';
import { RefundResponseDto } from './refund.response.dto.js';

/**
 * Who approves or declines a refund: a clerk other than the requester, or the signatory (head of urban
 * planning), who answers for the municipality's money going out.
 */
export const REFUND_DECIDERS: readonly Role[] = ['clerk', 'signatory'];

/** The roles and answers of a decision on a refund (approval, decline). */
export const RefundDecision = (summary: string) =>
  applyDecorators(
    Roles(REFUND_DECIDERS),
    ApiOperation({ summary }),
    ApiCreatedResponse({ type: RefundResponseDto }),
    ApiForbiddenResponse({ description: 'REFUND.SAME_APPROVER: the requester decides on their own request' }),
    ApiNotFoundResponse({ description: 'REFUND.NOT_FOUND: unknown, or not of the caller’s municipality' }),
    ApiConflictResponse({ description: 'REFUND.NOT_REQUESTED (details.status)' }),
  );
