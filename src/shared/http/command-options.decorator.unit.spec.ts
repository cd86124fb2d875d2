import { DomainError } from '../domain-error.js';
import { parseCommandHeaders } from './command-options.decorator.js';

describe('parseCommandHeaders', () => {
  it('reads If-Match as a revision, quoted, weak or bare', () => {
    expect(parseCommandHeaders({ 'if-match': '"3"' })).toEqual({ expectedRevision: 3n });
    expect(parseCommandHeaders({ 'if-match': 'W/"12"' })).toEqual({ expectedRevision: 12n });
    expect(parseCommandHeaders({ 'if-match': '0' })).toEqual({ expectedRevision: 0n });
  });

  it('reads an Idempotency-Key', () => {
    expect(parseCommandHeaders({ 'idempotency-key': 'order-2026-11-25-0001' })).toEqual({
      idempotencyKey: 'order-2026-11-25-0001',
    });
    expect(parseCommandHeaders({})).toEqual({});
  });

  it.each([
    [{ 'if-match': '*' }, 'REQUEST.BAD_IF_MATCH'],
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
