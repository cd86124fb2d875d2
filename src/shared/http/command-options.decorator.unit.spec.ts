import { DomainError } from '../domain-error.js';
import { parseCommandHeaders, requestDigest } from './command-options.decorator.js';

describe('parseCommandHeaders', () => {
  it('reads If-Match as a strong entity tag, or * for any revision of an existing record', () => {
    expect(parseCommandHeaders({ 'if-match': '"3"' })).toEqual({ expectedRevision: 3n });
    expect(parseCommandHeaders({ 'if-match': ' "0" ' })).toEqual({ expectedRevision: 0n });
    expect(parseCommandHeaders({ 'if-match': '*' })).toEqual({ expectedRevision: 'exists' });
  });

  it('refuses a weak If-Match with 412: compared strongly, it never matches', () => {
    expect(() => parseCommandHeaders({ 'if-match': 'W/"12"' })).toThrow(
      expect.objectContaining({ code: 'REQUEST.WEAK_IF_MATCH', kind: 'precondition_failed' }),
    );
  });

  it('digests a request by key, method, path and body', () => {
    const request = { method: 'POST', url: '/permits/1/submission', body: { a: 1 } };
    const digest = requestDigest('key-00000001', request);
    expect(requestDigest('key-00000001', { ...request })).toBe(digest);
    expect(requestDigest('key-00000002', request)).not.toBe(digest);
    expect(requestDigest('key-00000001', { ...request, body: { a: 2 } })).not.toBe(digest);
    expect(requestDigest('key-00000001', { ...request, url: '/permits/1/withdrawal' })).not.toBe(digest);
  });

  it('reads an Idempotency-Key', () => {
    expect(parseCommandHeaders({ 'idempotency-key': 'order-2026-11-25-0001' })).toEqual({
      idempotencyKey: 'order-2026-11-25-0001',
    });
    expect(parseCommandHeaders({})).toEqual({});
  });

  it.each([
    [{ 'if-match': '0' }, 'REQUEST.BAD_IF_MATCH'],
    [{ 'if-match': '"1", "2"' }, 'REQUEST.BAD_IF_MATCH'],
    [{ 'if-match': '"-1"' }, 'REQUEST.BAD_IF_MATCH'],
    [{ 'if-match': 'abc' }, 'REQUEST.BAD_IF_MATCH'],
    [{ 'idempotency-key': 'short' }, 'REQUEST.BAD_IDEMPOTENCY_KEY'],
    [{ 'idempotency-key': 'has spaces in it' }, 'REQUEST.BAD_IDEMPOTENCY_KEY'],
  ])('refuses %p with %s', (headers, code) => {
    let caught: unknown;
    try {
      parseCommandHeaders(headers);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe(code);
    expect((caught as DomainError).kind).toBe('invalid');
  });
});
