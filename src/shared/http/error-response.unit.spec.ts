import { BadRequestException, NotFoundException } from '@nestjs/common';
import { InvalidAppend, StreamDeleted, WrongExpectedRevision } from '../../event-store/event-store.errors.js';
import { DomainError } from '../domain-error.js';
import { toErrorResponse } from './error-response.js';

describe('toErrorResponse', () => {
  it.each([
    ['invalid', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['precondition_failed', 412],
    ['too_large', 413],
    ['rate_limited', 429],
    ['unavailable', 503],
  ] as const)('maps a %s domain error to %i problem details with its code', (kind, status) => {
    const response = toErrorResponse(new DomainError('PERMIT.NOT_SUBMITTED', 'Submit the file first', kind));
    expect(response).toEqual({
      status,
      body: {
        type: 'urn:daftar:problem:PERMIT.NOT_SUBMITTED',
        title: expect.any(String),
        status,
        detail: 'Submit the file first',
        code: 'PERMIT.NOT_SUBMITTED',
      },
    });
  });

  it('titles a problem by its status, the same for every occurrence', () => {
    expect(toErrorResponse(new DomainError('A.B', 'one', 'conflict')).body.title).toBe('Conflict');
    expect(toErrorResponse(new DomainError('A.B', 'two', 'conflict')).body.title).toBe('Conflict');
  });

  it('keeps details', () => {
    const error = new DomainError('FEE.UNPAID', 'Pay first', 'conflict', { amount: 1200 });
    expect(toErrorResponse(error).body.details).toEqual({ amount: 1200 });
  });

  it('answers a lost race on a stream with 409 and the current revision', () => {
    const response = toErrorResponse(new WrongExpectedRevision('permit-1', 2n, 3n));
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      code: 'STREAM.WRONG_EXPECTED_REVISION',
      details: { currentRevision: '3' },
    });
  });

  it('answers an event too large for the store with 413, and a malformed append as the bug it is', () => {
    const tooLarge = toErrorResponse(new InvalidAppend('Event X is 5000000 bytes', { tooLarge: true }));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('STREAM.EVENT_TOO_LARGE');
    expect(tooLarge.body.detail).not.toMatch(/5000000/);
    expect(toErrorResponse(new InvalidAppend('An append needs at least one event')).status).toBe(500);
  });

  it('answers an append to a stream an operator deleted with 409', () => {
    const response = toErrorResponse(new StreamDeleted('permit-1'));
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('STREAM.DELETED');
  });

  it('keeps Nest HTTP errors in the same shape', () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /x'))).toEqual({
      status: 404,
      body: {
        type: 'urn:daftar:problem:HTTP.NOT_FOUND',
        title: 'Not Found',
        status: 404,
        detail: 'Cannot GET /x',
        code: 'HTTP.NOT_FOUND',
      },
    });
    expect(toErrorResponse(new BadRequestException(['a is wrong', 'b is wrong'])).body.detail).toBe(
      'a is wrong; b is wrong',
    );
  });

  it('answers anything unexpected with 500 without leaking its message', () => {
    const response = toErrorResponse(new Error('SQLITE_IOERR: disk I/O error at /var/data'));
    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({
      code: 'INTERNAL',
      detail: 'An unexpected error occurred; it has been logged',
    });
  });
});
